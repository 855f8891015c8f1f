package io.sigil.server;

import io.sigil.server.cli.AccountCommand;
import io.sigil.server.cli.PolicyCommand;
import io.sigil.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of picocli's {@code sigil} command tree, which {@link Main} runs. */
@Command(name = "sigil",
        mixinStandardHelpOptions = true,
        versionProvider = SigilCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Sigil: a self-hosted AWS IAM/STS-compatible service with an exact IAM policy engine.",
        subcommands = {ServeCommand.class, AccountCommand.class, PolicyCommand.class, CommandLine.HelpCommand.class})
public final class SigilCommand {
    private SigilCommand() {}

    /** The configured command tree; tests run it in-process with their own out and err writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SigilCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(Main.internalError(ex));
            commandLine.getErr().flush();
            return Main.INTERNAL_ERROR;
        });
        return cli;
    }

    /** The version written into the runnable jar's manifest; a development build when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SigilCommand.class.getPackage().getImplementationVersion();
            return new String[] {"sigil " + (v == null ? "(development build)" : v)};
        }
    }
}
