package io.sigil.server;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void localeProviders_legacyDataOnJdk17To20_unlessTheUserChose() {
        assertThat(Main.localeProviders(17, null)).isEqualTo("COMPAT");
        assertThat(Main.localeProviders(20, null)).isEqualTo("COMPAT");
        assertThat(Main.localeProviders(17, "CLDR")).isNull();
        assertThat(Main.localeProviders(21, null)).isNull();
        assertThat(Main.localeProviders(25, null)).isNull();
    }

    @Test
    void help_listsServeAccountAndPolicy() {
        Cli r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sigil").contains("serve").contains("account").contains("policy");
    }

    @Test
    void policyHelp_listsValidateEvaluateAndTest() {
        Cli r = Cli.run("policy", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sigil policy").contains("validate").contains("evaluate").contains("test");
    }

    @Test
    void subcommandHelp_statesTheOutputFormatAndExitCodes() {
        Cli r = Cli.run("policy", "validate", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("FILE:LINE:COL: SEVERITY CODE message").contains("Exit codes:");
    }

    @Test
    void noCommand_isAUsageError_withTheUsageOnStderr() {
        Cli r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: sigil");
    }

    @Test
    void version_namesSigil() {
        Cli r = Cli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("sigil ");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("something broke");
        }
    }

    @Test
    void internalError_isReportedInOneLineWithoutAStackTrace() {
        CommandLine cli = SigilCommand.commandLine().addSubcommand(new Boom());

        Cli r = Cli.run(cli, "boom");

        assertThat(r.exitCode()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("sigil: internal error: java.lang.IllegalStateException: something broke"
                + System.lineSeparator());
    }
}
