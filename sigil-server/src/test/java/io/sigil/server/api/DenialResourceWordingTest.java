package io.sigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How AccessDenied names the resource, as IAM's real answers word it (EnforcementTable.describe cites them): an
 * existing user, role, group or instance profile as "TYPE NAME", a managed policy as "policy ARN", ListPolicies as
 * "policy path /", and by ARN what a Create* would make, the role of iam:PassRole, a list action's path and anything
 * that is not IAM's.
 */
class DenialResourceWordingTest {
    private static final String IAM = "arn:aws:iam::123456789012:";

    @Test
    void existingEntities_areNamedByTypeAndName_whateverTheirPath() {
        assertThat(EnforcementTable.describe(IAM + "role/app/Deploy", "GetRole", "iam:GetRole")).isEqualTo("role Deploy");
        assertThat(EnforcementTable.describe(IAM + "user/vault", "GetLoginProfile", "iam:GetLoginProfile"))
                .isEqualTo("user vault");
        assertThat(EnforcementTable.describe(IAM + "group/deploy-group", "GetGroup", "iam:GetGroup"))
                .isEqualTo("group deploy-group");
        assertThat(EnforcementTable.describe(IAM + "instance-profile/eks/np", "RemoveRoleFromInstanceProfile",
                "iam:RemoveRoleFromInstanceProfile")).isEqualTo("instance profile np");
    }

    @Test
    void creates_passRole_listPaths_andOtherServices_keepTheArn() {
        assertThat(EnforcementTable.describe(IAM + "role/New", "CreateRole", "iam:CreateRole")).isEqualTo(IAM + "role/New");
        assertThat(EnforcementTable.describe(IAM + "role/New", "CreateRole", "iam:TagRole")).isEqualTo(IAM + "role/New");
        assertThat(EnforcementTable.describe(IAM + "role/Web", "AddRoleToInstanceProfile", "iam:PassRole"))
                .isEqualTo(IAM + "role/Web");
        assertThat(EnforcementTable.describe(IAM + "user/team/", "ListUsers", "iam:ListUsers")).isEqualTo(IAM + "user/team/");
        assertThat(EnforcementTable.describe("arn:aws:sts::123456789012:assumed-role/R/s", "GetUser", "iam:GetUser"))
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/R/s");
        assertThat(EnforcementTable.describe("*", "GetAccountSummary", "iam:GetAccountSummary")).isEqualTo("*");
    }

    @Test
    void managedPolicies_andTheirListing_haveTheirOwnWords() {
        assertThat(EnforcementTable.describe(IAM + "policy/P", "DeletePolicyVersion", "iam:DeletePolicyVersion"))
                .isEqualTo("policy " + IAM + "policy/P");
        assertThat(EnforcementTable.describe("*", "ListPolicies", "iam:ListPolicies")).isEqualTo("policy path /");
    }
}
