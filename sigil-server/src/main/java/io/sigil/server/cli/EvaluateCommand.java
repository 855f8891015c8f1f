package io.sigil.server.cli;

import io.sigil.policy.Decision;
import io.sigil.policy.conformance.CaseReader;
import io.sigil.policy.conformance.CaseRunner;
import io.sigil.policy.conformance.ConformanceCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sigil policy evaluate}: decides one case of the conformance format (shared/conformance/README.md) and
 * explains the decision statement by statement, as text or as JSON ({@link DecisionJson}).
 */
@Command(name = "evaluate",
        description = {"Decide one request against its policies and explain the decision.",
                "CASE.json holds one case of the conformance format (a case object, or an array of one);"
                        + " \"expect\" is optional."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:decided (and as expected, when the case has \"expect\")",
                "1:the decision differs from \"expect\"",
                "2:usage error, unreadable file or invalid case"})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CASE.json", description = "The case to evaluate.")
    private Path file;

    @Option(names = "--json", description = "Write the decision as a JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConformanceCase c;
        try {
            c = readOne();
        } catch (TextFiles.Unreadable | CaseReader.BadCase e) {
            err.println("sigil: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        CaseRunner.Result result = new CaseRunner().run(c);
        if (json) {
            DecisionJson.write(result, out);
        } else {
            writeText(result, out);
        }
        out.flush();
        return result.passed() ? 0 : 1;
    }

    private ConformanceCase readOne() throws TextFiles.Unreadable, CaseReader.BadCase {
        List<ConformanceCase> cases = CaseReader.read(file.toString(), TextFiles.read(file), Instant.now());
        if (cases.size() != 1) {
            throw new CaseReader.BadCase(file + " holds " + cases.size() + " cases; evaluate takes exactly one"
                    + " (run them all with: sigil policy test " + file + ")");
        }
        return cases.get(0);
    }

    private static void writeText(CaseRunner.Result result, PrintWriter out) {
        Decision d = result.decision();
        out.println(d.explain());
        String reason = d.awsReason(result.testCase().request().action());
        if (!reason.isEmpty()) {
            out.println("reason: " + reason);
        }
        if (result.testCase().expect() != null) {
            out.println("expected: " + result.testCase().expect() + (result.passed() ? " (passed)" : " (FAILED)"));
        }
    }
}
