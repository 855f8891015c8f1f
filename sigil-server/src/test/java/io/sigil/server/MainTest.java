package io.sigil.server;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void help_listsThePolicyCommand_andOnlyCommandsThatExist() {
        Run r = run(Main.commandLine(), "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sigil").contains("policy").doesNotContain("serve");
    }

    @Test
    void policyHelp_listsValidateEvaluateAndTest() {
        Run r = run(Main.commandLine(), "policy", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sigil policy").contains("validate").contains("evaluate").contains("test");
    }

    @Test
    void subcommandHelp_statesTheOutputFormatAndExitCodes() {
        Run r = run(Main.commandLine(), "policy", "validate", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("FILE:LINE:COL: SEVERITY CODE message").contains("Exit codes:");
    }

    @Test
    void noCommand_isAUsageError_withTheUsageOnStderr() {
        Run r = run(Main.commandLine());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: sigil");
    }

    @Test
    void version_namesSigil() {
        Run r = run(Main.commandLine(), "--version");

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
        CommandLine cli = Main.commandLine().addSubcommand(new Boom());

        Run r = run(cli, "boom");

        assertThat(r.exitCode()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("sigil: internal error: java.lang.IllegalStateException: something broke"
                + System.lineSeparator());
    }
}
