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
        // A plain `sigil serve` command line skips picocli's command tree (cold start: see ServeArgs).
        Optional<ServeCommand> serve = ServeArgs.parse(args);
        System.exit(serve.isPresent() ? serve(serve.get()) : execute(args));
    }

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
