package io.sigil.policy.validation;

import io.sigil.policy.ValidationReport;
import org.junit.jupiter.api.Test;

import static io.sigil.policy.validation.Policies.identity;
import static io.sigil.policy.validation.Policies.json;
import static io.sigil.policy.validation.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM answers with one message: that of the first check that fails, in its order (syntax, version, legacy parsing,
 * Sid uniqueness, actions, resource formats, action formats, resources). Cases recorded against AWS by moto.
 */
class ErrorOrderTest {
    @Test
    void missingVersion_comesBeforeLegacyParsing() {
        ValidationReport r = identity(json("{'Statement':{'Effect':'denY','Action':'s3:ListBucket','Resource':'*'}}"));
        assertThat(r.firstErrorMessage()).isEqualTo("Policy document must be version 2012-10-17 or greater.");
    }

    @Test
    void legacyParsing_comesBeforeDuplicateSids() {
        ValidationReport r = identity(json("{'Version':'2012-10-17','Statement':[{'Sid':'sdf','Effect':'aLLow',"
                + "'Action':'s3:ListBucket','Resource':'*'},{'Sid':'sdf','Effect':'Allow'}]}"));
        assertThat(r.firstErrorMessage()).isEqualTo("The policy failed legacy parsing");
    }

    @Test
    void duplicateSids_comeBeforeMissingActions() {
        ValidationReport r = identity(json("{'Version':'2012-10-17','Statement':[{'Sid':'sdf','Effect':'Allow',"
                + "'Action':'s3:ListBucket','Resource':'*'},{'Sid':'sdf','Effect':'Allow'}]}"));
        assertThat(r.firstErrorMessage()).isEqualTo("Statement IDs (SID) in a single policy must be unique.");
    }

    /**
     * CreatePolicy's answers in LocalStack's AWS-validated snapshots (2026): an action without a vendor and no
     * Resource is "must contain resources"; with a Resource, the action's own message.
     */
    @Test
    void missingActions_comeFirst_andMissingResources_comeBeforeBadActionFormat() {
        assertThat(identity(statement("'Effect':'Allow'")).firstErrorMessage())
                .isEqualTo("Policy statement must contain actions.");
        assertThat(identity(statement("'Effect':'Allow','Action':'invalid'")).firstErrorMessage())
                .isEqualTo("Policy statement must contain resources.");
        assertThat(identity(statement("'Effect':'Allow','Action':'invalid','Resource':'arn:aws:s3:::example_bucket'"))
                .firstErrorMessage())
                .isEqualTo("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
    }

    @Test
    void resourceFormat_comesBeforeActionFormat() {
        assertThat(identity(statement("'Effect':'Allow','Action':'s:3:ListBucket','Resource':'sdfsadf'")).firstErrorMessage())
                .isEqualTo("Resource sdfsadf must be in ARN format or \"*\".");
    }

    @Test
    void legacyParsingOfDates_comesBeforeMissingActions() {
        assertThat(identity(statement("'Effect':'Allow','Condition':{'DateGreaterThan':{'a':'sdfdsf'}}")).firstErrorMessage())
                .isEqualTo("The policy failed legacy parsing");
    }

    @Test
    void syntaxErrors_comeFirst() {
        assertThat(identity(statement("'Effect':'Allow','Resource':'arn:aws:s3:::b','Condition':{'DateGreaterThan':{'a':{}}}"))
                .firstErrorMessage()).isEqualTo("Syntax errors in policy.");
    }

    @Test
    void errorsComeBeforeWarnings_andFindingsCarryLineAndColumn() {
        ValidationReport r = identity("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n"
                + "    \"Effect\": \"Allow\",\n    \"Action\": \"s3:NoSuchAction\",\n    \"Resource\": \"nope\"\n  }\n}");
        assertThat(r.findings().get(0).isError()).isTrue();
        assertThat(r.findings().get(0).line()).isEqualTo(6);
        assertThat(r.findings().get(0).column()).isEqualTo(17);
        assertThat(r.findings().get(r.findings().size() - 1).code()).isEqualTo("INVALID_ACTION");
    }
}
