package io.sigil.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sigil policy}: work with IAM policy documents offline, without a server. */
@Command(name = "policy",
        synopsisSubcommandLabel = "COMMAND",
        description = "Validate, evaluate and test IAM policies offline.",
        subcommands = {ValidateCommand.class, EvaluateCommand.class, TestCommand.class})
public final class PolicyCommand {
    @Mixin
    private HelpOption help;
}
