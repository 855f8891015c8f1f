package io.sigil.server.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands; the version option stays on the root command only. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
