package io.sigil.server.cli;

import io.sigil.server.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    private static final String GOOD = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]
            }
            """;
    private static final String BROKEN = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow",, "Action": "s3:GetObject"}
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void validate_policyWithoutFindings_printsNothingAndExitsZero() throws Exception {
        Path good = CaseFiles.write(dir, "good.json", GOOD);

        Cli r = Cli.run("policy", "validate", good.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validate_policyWithAnError_printsFileLineColSeverityCodeMessage_andExitsOne() throws Exception {
        Path bad = CaseFiles.write(dir, "bad.json", BROKEN);

        Cli r = Cli.run("policy", "validate", bad.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches("\\Q" + bad + "\\E:\\d+:\\d+: (ERROR|SECURITY_WARNING|WARNING|SUGGESTION) \\S+ .+"));
        assertThat(r.outLines()).anySatisfy(line ->
                assertThat(line).startsWith(bad + ":4:").contains(": ERROR "));
    }

    @Test
    void validate_severalFiles_reportsEachUnderItsOwnName() throws Exception {
        Path good = CaseFiles.write(dir, "good.json", GOOD);
        Path bad = CaseFiles.write(dir, "bad.json", BROKEN);

        Cli r = Cli.run("policy", "validate", good.toString(), bad.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).allSatisfy(line -> assertThat(line).startsWith(bad + ":"));
    }

    @Test
    void validate_unreadableFile_saysSoOnStderrAndExitsTwo_afterValidatingTheOthers() throws Exception {
        Path bad = CaseFiles.write(dir, "bad.json", BROKEN);
        Path missing = dir.resolve("missing.json");

        Cli r = Cli.run("policy", "validate", missing.toString(), bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sigil: " + missing + ": cannot read: no such file" + System.lineSeparator());
        assertThat(r.outLines()).anySatisfy(line -> assertThat(line).startsWith(bad + ":4:"));
    }

    @Test
    void validate_typeOption_acceptsEveryCommandLineSpellingOfAPolicyType() throws Exception {
        Path good = CaseFiles.write(dir, "good.json", GOOD);
        for (String type : PolicyTypes.NAMES) {
            Cli r = Cli.run("policy", "validate", "--type", type, good.toString());

            assertThat(r.exitCode()).as(type).isNotEqualTo(2);
            assertThat(r.err()).as(type).isEmpty();
        }
    }

    @Test
    void validate_unknownType_isAUsageErrorThatListsTheTypes() throws Exception {
        Path good = CaseFiles.write(dir, "good.json", GOOD);

        Cli r = Cli.run("policy", "validate", "--type", "iam", good.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'iam' is not a policy type; use one of identity, resource, trust, boundary, scp, rcp, session");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void validate_withoutFiles_isAUsageError() {
        Cli r = Cli.run("policy", "validate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter").contains("FILE");
    }
}
