package io.sigil.policy.validation;

import io.sigil.policy.PolicyType;
import io.sigil.policy.ValidationReport;
import org.junit.jupiter.api.Test;

import static io.sigil.policy.validation.Policies.json;
import static io.sigil.policy.validation.Policies.statement;
import static io.sigil.policy.validation.Policies.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** What each policy type adds to the grammar: SCPs and RCPs (AWS Organizations), trust and resource policies. */
class PolicyTypeRulesTest {
    private static final String ORGANIZATIONS =
            "The provided policy document does not meet the requirements of the specified policy type.";

    @Test
    void scp_withFullIamLanguage_isAccepted() {
        // Since September 2025 SCPs take conditions, NotResource and Allow with NotAction.
        ValidationReport r = validate(json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','NotAction':'iam:*',"
                + "'NotResource':'arn:aws:s3:::secret/*','Condition':{'StringEquals':{'aws:RequestedRegion':'eu-west-1'}}}]}"),
                PolicyType.SCP);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void scp_errorsCarryOrganizationsMessage_andIamReasonAsDetail() {
        ValidationReport r = validate(statement("'Effect':'Deny','Action':'s3:*'"), PolicyType.SCP);
        assertThat(r.firstErrorMessage()).isEqualTo(ORGANIZATIONS);
        assertThat(r.errors().get(0).code()).isEqualTo("MISSING_RESOURCE");
        assertThat(r.errors().get(0).detail()).isEqualTo("Add a Resource or NotResource element to the policy statement.");
    }

    @Test
    void scp_overSizeQuota_isRejected_countingWhitespace() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            actions.append(i == 0 ? "" : ",").append("'s3:GetObject").append(i).append("'");
        }
        ValidationReport r = validate(statement("'Effect':'Deny','Action':[" + actions + "],'Resource':'*'"), PolicyType.SCP);
        assertThat(r.codes()).contains("POLICY_SIZE_EXCEEDS_SCP_QUOTA");
    }

    @Test
    void rcp_denyFromOutsideTheOrganization_isAccepted() {
        ValidationReport r = validate(statement("'Effect':'Deny','Principal':'*','Action':['s3:*','sqs:*'],"
                + "'Resource':'*','Condition':{'StringNotEqualsIfExists':{'aws:PrincipalOrgID':'o-abc'}}"), PolicyType.RCP);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void rcpFullAwsAccess_isAccepted() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'"),
                PolicyType.RCP);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void rcp_allow_isRejected() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'"),
                PolicyType.RCP);
        assertThat(r.firstErrorMessage()).isEqualTo(ORGANIZATIONS);
        assertThat(r.codes()).contains("RCP_SYNTAX_ERROR_ALLOW");
    }

    @Test
    void rcp_withoutPrincipal_isRejected() {
        ValidationReport r = validate(statement("'Effect':'Deny','Action':'s3:*','Resource':'*'"), PolicyType.RCP);
        assertThat(r.codes()).contains("MISSING_PRINCIPAL");
        assertThat(r.firstErrorMessage()).isEqualTo(ORGANIZATIONS);
    }

    @Test
    void rcp_withSpecificPrincipal_notPrincipal_notAction_orUnsupportedService_isRejected() {
        assertThat(validate(statement("'Effect':'Deny','Principal':{'AWS':'123456789012'},'Action':'s3:*','Resource':'*'"),
                PolicyType.RCP).codes()).contains("RCP_SYNTAX_ERROR_PRINCIPAL");
        assertThat(validate(statement("'Effect':'Deny','NotPrincipal':{'AWS':'123456789012'},'Action':'s3:*','Resource':'*'"),
                PolicyType.RCP).codes()).contains("RCP_SYNTAX_ERROR_NOT_PRINCIPAL");
        assertThat(validate(statement("'Effect':'Deny','Principal':'*','NotAction':'s3:*','Resource':'*'"),
                PolicyType.RCP).codes()).contains("RCP_SYNTAX_ERROR_NOT_ACTION");
        assertThat(validate(statement("'Effect':'Deny','Principal':'*','Action':'ec2:*','Resource':'*'"),
                PolicyType.RCP).codes()).contains("RCP_UNSUPPORTED_SERVICE");
    }

    @Test
    void resourcePolicy_sidWithSpaces_isAccepted() {
        ValidationReport r = validate(statement("'Sid':'Allow read','Effect':'Allow','Principal':'*',"
                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'"), PolicyType.RESOURCE);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void trustPolicy_withNotResource_isRejected() {
        ValidationReport r = validate(statement("'Effect':'Allow','Principal':{'AWS':'123456789012'},"
                + "'Action':'sts:AssumeRole','NotResource':'*'"), PolicyType.TRUST);
        assertThat(r.firstErrorMessage()).isEqualTo("Has prohibited field NotResource");
    }
}
