package io.sigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.server.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void evaluate_explicitDeny_printsDecisionDecidingStatementReasonAndExpectation() throws Exception {
        Path file = CaseFiles.write(dir, "deny.json", CaseFiles.sqsCase("deny wins", "test0", "EXPLICIT_DENY"));

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).isEqualTo("EXPLICIT_DENY (identity-based policy)");
        assertThat(r.out()).contains("identity[0] Statement[1] (Sid DenyTest0)");
        assertThat(r.outLines()).endsWith(
                "reason: with an explicit deny in an identity-based policy",
                "expected: EXPLICIT_DENY (passed)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void evaluate_implicitDeny_printsTheNearMissAndWhyItMissed() throws Exception {
        Path file = CaseFiles.write(dir, "miss.json", CaseFiles.sqsCase("no allow", "other", "IMPLICIT_DENY"));

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).isEqualTo("IMPLICIT_DENY (identity-based policy)");
        assertThat(r.out()).contains("near miss identity[0] Statement[0]").contains("other");
        assertThat(r.out()).contains("reason: because no identity-based policy allows the sqs:SendMessage action");
    }

    @Test
    void evaluate_decisionOtherThanExpected_printsFailedAndExitsOne() throws Exception {
        Path file = CaseFiles.write(dir, "wrong.json", CaseFiles.sqsCase("wrong", "test0", "ALLOW"));

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).last().isEqualTo("expected: ALLOW (FAILED)");
    }

    @Test
    void evaluate_caseWithoutExpect_printsTheDecisionAndExitsZero() throws Exception {
        Path file = CaseFiles.write(dir, "open.json", CaseFiles.sqsCase("no expectation", "test1", null));

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).isEqualTo("ALLOW (identity-based policy)");
        assertThat(r.out()).doesNotContain("expected").doesNotContain("reason:");
    }

    @Test
    void evaluate_json_writesOutcomeDecidedByReasonStatementsAndExpectation() throws Exception {
        Path file = CaseFiles.write(dir, "deny.json", CaseFiles.sqsCase("deny wins", "test0", "ALLOW"));

        Cli r = Cli.run("policy", "evaluate", file.toString(), "--json");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("outcome").asText()).isEqualTo("EXPLICIT_DENY");
        assertThat(j.get("decidedBy").asText()).isEqualTo("IDENTITY");
        assertThat(j.get("reason").asText()).isEqualTo("with an explicit deny in an identity-based policy");
        assertThat(j.get("statements")).hasSize(1);
        JsonNode s = j.get("statements").get(0);
        assertThat(s.get("policy").asText()).isEqualTo("identity[0]");
        assertThat(s.get("statement").asInt()).isEqualTo(1);
        assertThat(s.get("sid").asText()).isEqualTo("DenyTest0");
        assertThat(s.get("effect").asText()).isEqualTo("Deny");
        assertThat(j.get("nearMisses")).isEmpty();
        assertThat(j.get("expected").asText()).isEqualTo("ALLOW");
        assertThat(j.get("passed").asBoolean()).isFalse();
    }

    @Test
    void evaluate_json_listsNearMissesWithTheirFailure() throws Exception {
        Path file = CaseFiles.write(dir, "miss.json", CaseFiles.sqsCase("no allow", "other", "IMPLICIT_DENY"));

        Cli r = Cli.run("policy", "evaluate", "--json", file.toString());

        assertThat(r.exitCode()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("outcome").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(j.get("statements")).isEmpty();
        JsonNode m = j.get("nearMisses").get(0);
        assertThat(m.get("policy").asText()).isEqualTo("identity[0]");
        assertThat(m.get("statement").asInt()).isZero();
        assertThat(m.get("sid").isNull()).isTrue();
        assertThat(m.get("failure").asText()).contains("arn:aws:sqs:us-east-2:123456789012:other");
        assertThat(j.get("passed").asBoolean()).isTrue();
    }

    @Test
    void evaluate_json_withoutExpect_leavesOutExpectedAndPassed_andAllowHasAnEmptyReason() throws Exception {
        Path file = CaseFiles.write(dir, "open.json", CaseFiles.sqsCase("no expectation", "test1", null));

        Cli r = Cli.run("policy", "evaluate", "--json", file.toString());

        assertThat(r.exitCode()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(j.get("reason").asText()).isEmpty();
        assertThat(j.has("expected")).isFalse();
        assertThat(j.has("passed")).isFalse();
    }

    @Test
    void evaluate_arrayOfOneCase_isAccepted() throws Exception {
        Path file = CaseFiles.write(dir, "one.json", CaseFiles.array(CaseFiles.sqsCase("one", "test1", "ALLOW")));

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).last().isEqualTo("expected: ALLOW (passed)");
    }

    @Test
    void evaluate_fileWithSeveralCases_isRefusedWithExitTwo() throws Exception {
        Path file = CaseFiles.write(dir, "two.json", CaseFiles.array(
                CaseFiles.sqsCase("a", "test1", "ALLOW"), CaseFiles.sqsCase("b", "test0", "EXPLICIT_DENY")));

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(file + " holds 2 cases; evaluate takes exactly one");
    }

    @Test
    void evaluate_invalidJson_saysWhereInOneLineAndExitsTwo() throws Exception {
        Path file = CaseFiles.write(dir, "broken.json", "{\"description\": \"x\", ");

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("sigil: " + file + ":1:").contains("invalid JSON");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void evaluate_missingFile_saysSoAndExitsTwo() {
        Path file = dir.resolve("absent.json");

        Cli r = Cli.run("policy", "evaluate", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sigil: " + file + ": cannot read: no such file" + System.lineSeparator());
    }
}
