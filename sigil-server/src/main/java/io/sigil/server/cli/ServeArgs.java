package io.sigil.server.cli;

import io.sigil.server.app.SigilConfig;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cold start: reads the plain {@code sigil serve} command lines without building picocli's command tree, which
 * costs about a tenth of a second at every start (picocli's classes are too old a class-file version for
 * class-data sharing, and the whole tree of subcommands is reflected on before anything runs).
 *
 * <p>Only the plain forms are taken: {@code serve} followed by the options of {@link ServeCommand}, each at most
 * once, a value as the next argument or after {@code =}, a port in decimal. Anything else — help, version, an
 * unknown, repeated or abbreviated option, a flag given a value, an empty value or one that starts with
 * {@code -} or {@code @}, {@code --} — gives empty, and picocli parses the command line as before, so picocli's
 * usage messages, errors and exit codes stay the only ones. {@code ServeArgsTest} checks over a corpus that what
 * is taken here gives the very ServeCommand that picocli's parse gives, and that every option of ServeCommand is
 * known here.
 */
public final class ServeArgs {
    static final Set<String> FLAGS = Set.of("--ephemeral", "--dev", "--self-check", "--allow-http-loopback-idp");
    static final Set<String> VALUED = Set.of("--port", "--bind", "--data-dir", "--db", "--enforce", "--quota");
    /** Options that may be given more than once, each occurrence adding a value. */
    static final Set<String> REPEATABLE = Set.of("--quota");
    private static final Pattern DECIMAL_PORT = Pattern.compile("0|[1-9][0-9]{0,8}");

    private ServeArgs() {}

    /** The serve command of {@code args}, when they are a plain serve command line; empty otherwise. */
    public static Optional<ServeCommand> parse(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return Optional.empty();
        }
        ServeCommand c = new ServeCommand();
        c.port = Integer.parseInt(ServeCommand.DEFAULT_PORT);
        c.bind = SigilConfig.DEFAULT_BIND;
        c.enforce = ServeCommand.DEFAULT_ENFORCE;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!REPEATABLE.contains(name) && !seen.add(name)) {
                return Optional.empty();
            }
            if (FLAGS.contains(name) && eq < 0) {
                setFlag(c, name);
                continue;
            }
            if (!VALUED.contains(name)) {
                return Optional.empty();
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || !setValue(c, name, value)) {
                return Optional.empty();
            }
        }
        return Optional.of(c);
    }

    private static void setFlag(ServeCommand c, String name) {
        switch (name) {
            case "--ephemeral" -> c.ephemeral = true;
            case "--dev" -> c.dev = true;
            case "--allow-http-loopback-idp" -> c.allowHttpLoopbackIdp = true;
            default -> c.selfCheck = true;
        }
    }

    /** Sets the option; false when the value is one to leave to picocli. */
    private static boolean setValue(ServeCommand c, String name, String value) {
        switch (name) {
            case "--port" -> {
                if (!DECIMAL_PORT.matcher(value).matches()) {
                    return false;
                }
                c.port = Integer.parseInt(value);
            }
            case "--bind" -> c.bind = value;
            case "--data-dir" -> {
                try {
                    c.dataDir = Path.of(value);
                } catch (InvalidPathException e) {
                    return false;
                }
            }
            case "--db" -> c.db = value;
            case "--quota" -> c.quotas.add(value);
            default -> c.enforce = value;
        }
        return true;
    }
}
