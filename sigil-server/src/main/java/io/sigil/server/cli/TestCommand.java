package io.sigil.server.cli;

import io.sigil.policy.Decision;
import io.sigil.policy.conformance.CaseReader;
import io.sigil.policy.conformance.CaseRunner;
import io.sigil.policy.conformance.ConformanceCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sigil policy test}: runs every case of every conformance file (shared/conformance/README.md). Prints one
 * line per failing case and one per file that cannot be read (each counts as one failure), then exactly
 * {@code N passed, M failed}. Exit 0 only when nothing failed.
 */
@Command(name = "test",
        description = {"Run conformance case files and report the cases whose decision differs from \"expect\".",
                "Prints one line per failure, then: N passed, M failed"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:a case failed or a file could not be read", "2:usage error"})
public final class TestCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Case files (JSON) to run.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CaseRunner runner = new CaseRunner();
        Instant now = Instant.now();
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            List<ConformanceCase> cases;
            try {
                cases = CaseReader.read(file.toString(), TextFiles.read(file), now);
            } catch (TextFiles.Unreadable | CaseReader.BadCase e) {
                out.println("ERROR " + e.getMessage());
                failed++;
                continue;
            }
            for (ConformanceCase c : cases) {
                String failure = failure(runner, c);
                if (failure == null) {
                    passed++;
                } else {
                    out.println(failure);
                    failed++;
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The report line of a failing case, or null when it passes. */
    private static String failure(CaseRunner runner, ConformanceCase c) {
        CaseRunner.Result r;
        try {
            r = runner.run(c);
        } catch (RuntimeException e) {
            // The engine is total by contract; should it break that, one case fails and the run goes on.
            return "FAIL " + c.label() + ": expected " + (c.expect() == null ? "a decision" : c.expect())
                    + ", got an engine error: " + e;
        }
        if (r.passed()) {
            return null;
        }
        return "FAIL " + c.label() + ": expected " + c.expect() + ", got " + r.decision().outcome()
                + " (" + shortExplanation(r.decision()) + ")";
    }

    /** Which policy type decided, and the first near miss or else the first deciding statement. */
    private static String shortExplanation(Decision d) {
        String by = d.decidedBy() == null ? "no policy decided" : "by " + d.decidedBy().phrase();
        if (!d.nearMisses().isEmpty()) {
            return by + "; near miss " + d.nearMisses().get(0);
        }
        if (!d.statements().isEmpty()) {
            return by + "; decided by " + d.statements().get(0);
        }
        return by;
    }
}
