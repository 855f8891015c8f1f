package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static io.sigil.server.api.iam.RoleFixtures.S3_READ;
import static io.sigil.server.api.iam.RoleFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Role inline policies (PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies) and DeleteRole's
 * conflicts (spec §10 H79), through the AWS SDK.
 */
class RolePoliciesIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static void role(String name) {
        SIGIL.root().createRole(r -> r.roleName(name).assumeRolePolicyDocument(EC2_TRUST));
    }

    @Test
    void putRolePolicy_isReadBackUrlEncoded_listedAndDeleted() {
        role("Reader");
        SIGIL.root().putRolePolicy(r -> r.roleName("reader").policyName("S3Read").policyDocument(S3_READ));
        GetRolePolicyResponse got = SIGIL.root().getRolePolicy(r -> r.roleName("Reader").policyName("s3read"));
        assertThat(got.roleName()).isEqualTo("Reader");
        assertThat(got.policyName()).isEqualTo("S3Read");
        assertThat(got.policyDocument()).startsWith("%7B%22Version%22");
        assertThat(decode(got.policyDocument())).isEqualTo(S3_READ);
        SIGIL.root().putRolePolicy(r -> r.roleName("Reader").policyName("Other").policyDocument(S3_READ));
        var page = SIGIL.root().listRolePolicies(r -> r.roleName("Reader").maxItems(1));
        assertThat(page.policyNames()).containsExactly("Other");
        assertThat(page.isTruncated()).isTrue();
        assertThat(SIGIL.root().listRolePolicies(r -> r.roleName("Reader").marker(page.marker())).policyNames())
                .containsExactly("S3Read");
        SIGIL.root().deleteRolePolicy(r -> r.roleName("Reader").policyName("S3READ"));
        assertThat(SIGIL.root().listRolePolicies(r -> r.roleName("Reader")).policyNames()).containsExactly("Other");
    }

    @Test
    void unknownRolePolicy_isNoSuchEntityWithAwsMessage() {
        role("Empty");
        assertThatThrownBy(() -> SIGIL.root().getRolePolicy(r -> r.roleName("Empty").policyName("nope")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role policy with name nope cannot be found.");
        assertThatThrownBy(() -> SIGIL.root().deleteRolePolicy(r -> r.roleName("Empty").policyName("nope")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().putRolePolicy(r -> r.roleName("Ghost").policyName("p")
                .policyDocument(S3_READ)))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name Ghost cannot be found.");
    }

    @Test
    void roleInlinePolicy_isValidatedAsAnIdentityPolicy() {
        role("Strict");
        assertThatThrownBy(() -> SIGIL.root().putRolePolicy(r -> r.roleName("Strict").policyName("trust")
                .policyDocument(EC2_TRUST))).isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> SIGIL.root().putRolePolicy(r -> r.roleName("Strict").policyName("broken")
                .policyDocument("{\"Statement\":"))).isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void roleInlinePolicies_upTo10240NonWhitespaceCharactersInAll_thenLimitExceeded() {
        role("Big");
        String first = policyOfSize(6000);
        SIGIL.root().putRolePolicy(r -> r.roleName("Big").policyName("a").policyDocument(first));
        SIGIL.root().putRolePolicy(r -> r.roleName("Big").policyName("b").policyDocument(policyOfSize(4240)));
        assertThatThrownBy(() -> SIGIL.root().putRolePolicy(r -> r.roleName("Big").policyName("b")
                .policyDocument(policyOfSize(4241))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Maximum policy size of 10240 bytes exceeded for role Big");
        assertThat(decode(SIGIL.root().getRolePolicy(r -> r.roleName("Big").policyName("b")).policyDocument()))
                .hasSize(4240);
    }

    @Test
    void deleteRole_withInlinePolicies_isDeleteConflict_H79() {
        role("Holder");
        SIGIL.root().putRolePolicy(r -> r.roleName("Holder").policyName("p").policyDocument(S3_READ));
        assertThatThrownBy(() -> SIGIL.root().deleteRole(r -> r.roleName("Holder")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete entity, must delete policies first.");
        SIGIL.root().deleteRolePolicy(r -> r.roleName("Holder").policyName("p"));
        SIGIL.root().deleteRole(r -> r.roleName("Holder"));
        assertThatThrownBy(() -> SIGIL.root().getRole(r -> r.roleName("Holder")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void deleteRole_inAnInstanceProfile_isDeleteConflict_H79() {
        role("Profiled");
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("ProfiledIp"));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("ProfiledIp").roleName("Profiled"));
        assertThatThrownBy(() -> SIGIL.root().deleteRole(r -> r.roleName("Profiled")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete entity, must remove roles from instance profile first.");
        SIGIL.root().removeRoleFromInstanceProfile(r -> r.instanceProfileName("ProfiledIp").roleName("Profiled"));
        SIGIL.root().deleteRole(r -> r.roleName("Profiled"));
    }

    @Test
    void deleteRole_withAnAttachedManagedPolicy_isDeleteConflict_H79() {
        role("Attached");
        SIGIL.root().attachRolePolicy(r -> r.roleName("Attached").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertThatThrownBy(() -> SIGIL.root().deleteRole(r -> r.roleName("Attached")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete entity, must detach all policies first.");
        SIGIL.root().detachRolePolicy(r -> r.roleName("Attached").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        SIGIL.root().deleteRole(r -> r.roleName("Attached"));
    }

    /** An identity policy of exactly {@code size} non-whitespace characters. */
    private static String policyOfSize(int size) {
        String base = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        return base.replace("\"Sid\":\"\"", "\"Sid\":\"" + "a".repeat(size - base.length()) + "\"");
    }
}
