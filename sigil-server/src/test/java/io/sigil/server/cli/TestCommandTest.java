package io.sigil.server.cli;

import io.sigil.server.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTest {
    /** The shared seed cases (shared/conformance/seed-examples.json), as copied into the policy module. */
    private static final Path SEED_EXAMPLES =
            Path.of("..", "sigil-policy", "src", "test", "resources", "conformance", "seed-examples.json");

    @TempDir
    Path dir;

    @Test
    void test_everyCasePasses_printsOnlyTheSummaryAndExitsZero() throws Exception {
        Path file = CaseFiles.write(dir, "pass.json", CaseFiles.array(
                CaseFiles.sqsCase("allowed queue", "test1", "ALLOW"),
                CaseFiles.sqsCase("denied queue", "test0", "EXPLICIT_DENY"),
                CaseFiles.sqsCase("other queue", "other", "IMPLICIT_DENY")));

        Cli r = Cli.run("policy", "test", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("3 passed, 0 failed");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void test_failingCase_printsOneLineWithDescriptionExpectedGotAndWhy_andExitsOne() throws Exception {
        Path file = CaseFiles.write(dir, "fail.json", CaseFiles.array(
                CaseFiles.sqsCase("allowed queue", "test1", "ALLOW"),
                CaseFiles.sqsCase("other queue is allowed", "other", "ALLOW"),
                CaseFiles.sqsCase("denied queue is allowed", "test0", "ALLOW")));

        Cli r = Cli.run("policy", "test", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0))
                .startsWith("FAIL " + file + "#1 other queue is allowed: expected ALLOW, got IMPLICIT_DENY"
                        + " (by identity-based policy; near miss identity[0] Statement[0]: ")
                .endsWith(")");
        assertThat(r.outLines().get(1)).isEqualTo("FAIL " + file + "#2 denied queue is allowed: expected ALLOW,"
                + " got EXPLICIT_DENY (by identity-based policy; decided by identity[0] Statement[1] (Sid DenyTest0))");
        assertThat(r.outLines().get(2)).isEqualTo("1 passed, 2 failed");
    }

    @Test
    void test_caseWithoutExpect_countsAsPassed() throws Exception {
        Path file = CaseFiles.write(dir, "open.json", CaseFiles.sqsCase("anything goes", "test0", null));

        Cli r = Cli.run("policy", "test", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("1 passed, 0 failed");
    }

    @Test
    void test_unreadableFile_printsOneErrorLineAndCountsAsOneFailure() throws Exception {
        Path good = CaseFiles.write(dir, "good.json", CaseFiles.array(
                CaseFiles.sqsCase("a", "test1", "ALLOW"), CaseFiles.sqsCase("b", "test0", "EXPLICIT_DENY")));
        Path missing = dir.resolve("missing.json");

        Cli r = Cli.run("policy", "test", missing.toString(), good.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "ERROR " + missing + ": cannot read: no such file",
                "2 passed, 1 failed");
    }

    @Test
    void test_fileThatIsNotACaseFile_printsOneErrorLineAndCountsAsOneFailure() throws Exception {
        Path broken = CaseFiles.write(dir, "broken.json", "[{\"description\": \"cut short\"");
        Path noAction = CaseFiles.write(dir, "no-action.json", "{\"request\": {\"principal\": \"*\"}}");

        Cli r = Cli.run("policy", "test", broken.toString(), noAction.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).startsWith("ERROR " + broken + ":1:").contains("invalid JSON");
        assertThat(r.outLines().get(1)).startsWith("ERROR " + noAction).contains("missing request.action");
        assertThat(r.outLines().get(2)).isEqualTo("0 passed, 2 failed");
    }

    @Test
    void test_sharedSeedExamples_allPass() {
        Cli r = Cli.run("policy", "test", SEED_EXAMPLES.toString());

        assertThat(r.outLines()).singleElement().asString().matches("[1-9]\\d* passed, 0 failed");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void test_fileOfThousandsOfCases_runsInSeconds() throws Exception {
        List<String> cases = new ArrayList<>();
        String[] queues = {"test1", "test0", "other"};
        String[] outcomes = {"ALLOW", "EXPLICIT_DENY", "IMPLICIT_DENY"};
        for (int i = 0; i < 6000; i++) {
            cases.add(CaseFiles.sqsCase("case " + i, queues[i % 3], outcomes[i % 3]));
        }
        Path file = CaseFiles.write(dir, "many.json", CaseFiles.array(cases.toArray(String[]::new)));

        long start = System.nanoTime();
        Cli r = Cli.run("policy", "test", file.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.outLines()).containsExactly("6000 passed, 0 failed");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void test_withoutFiles_isAUsageError() {
        Cli r = Cli.run("policy", "test");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
    }
}
