package io.sigil.server;

import io.sigil.server.cli.AccountCommand;
import io.sigil.server.cli.PolicyCommand;
import io.sigil.server.cli.ServeArgs;
import io.sigil.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code sigil} command line. Subcommands hang off this root; a later {@code serve} joins {@code policy} here.
 * Exit codes: 0 success, 1 the command's check failed (errors found, cases failed), 2 usage error or unreadable
 * input, 70 an internal error (reported in one line, never as a stack trace).
 */
@Command(name = "sigil",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Sigil: a self-hosted AWS IAM/STS-compatible service with an exact IAM policy engine.",
        subcommands = {ServeCommand.class, AccountCommand.class, PolicyCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for a failure inside sigil itself (sysexits.h EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        preferLegacyLocaleData();
        // A plain `sigil serve` command line skips picocli's command tree (cold start: see ServeArgs).
        Optional<ServeCommand> serve = ServeArgs.parse(args);
        System.exit(serve.isPresent() ? serve(serve.get()) : execute(args));
    }

    /**
     * Cold start, on JDK 17 to 20 only: the JDK's legacy locale data (the COMPAT provider) instead of CLDR's, unless
     * {@code java.locale.providers} is set already. Every start of the server makes the JDK list all its locales
     * twice, once for Jetty's {@code MimeTypes} ({@code Locale.getAvailableLocales()}) and once for the SQLite
     * driver's date format (a {@code Calendar}); CLDR has about 800 of them, each parsed from its tag in the
     * interpreter, the legacy data about 160. Started with it, the server answered its first signed call in 536 ms
     * against 605 (sigil-bench's ColdStart, medians of 8 alternating rounds) and used 810 ms of CPU against 970.
     * What a client sees does not change: AWS's wire formats are locale-free, and Sigil formats nothing with the
     * default locale ({@code Locale.ROOT} where a format could depend on it). From JDK 21 on the JDK warns that
     * COMPAT goes away (JDK 23 removed it), so there its default stays. Set first, before anything reads locale
     * data: the JDK reads the property once, when its locale service starts.
     */
    private static void preferLegacyLocaleData() {
        String providers = localeProviders(Runtime.version().feature(), System.getProperty(LOCALE_PROVIDERS));
        if (providers != null) {
            System.setProperty(LOCALE_PROVIDERS, providers);
        }
    }

    /** The locale providers to set on JDK {@code feature} when the property is {@code current}; null: leave it. */
    static String localeProviders(int feature, String current) {
        return feature < 21 && current == null ? "COMPAT" : null;
    }

    private static final String LOCALE_PROVIDERS = "java.locale.providers";

    private static int execute(String[] args) {
        // Java 17 takes stdout's charset from the locale; JSON policies and case descriptions are UTF-8 (JEP 400).
        CommandLine cli = commandLine()
                .setOut(utf8(FileDescriptor.out))
                .setErr(utf8(FileDescriptor.err));
        return cli.execute(args);
    }

    /** Runs a serve command as picocli's execute does: its exit code, or the internal-error line and 70. */
    private static int serve(ServeCommand serve) {
        try {
            Integer code = serve.call();
            return code == null ? 0 : code;
        } catch (Exception ex) {
            PrintWriter err = utf8(FileDescriptor.err);
            err.println(internalError(ex));
            err.flush();
            return INTERNAL_ERROR;
        }
    }

    private static String internalError(Exception ex) {
        return "sigil: internal error: " + ex;
    }

    /** The configured command tree; tests run it in-process with their own out and err writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(internalError(ex));
            commandLine.getErr().flush();
            return INTERNAL_ERROR;
        });
        return cli;
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }

    /** The version written into the runnable jar's manifest; a development build when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sigil " + (v == null ? "(development build)" : v)};
        }
    }
}
