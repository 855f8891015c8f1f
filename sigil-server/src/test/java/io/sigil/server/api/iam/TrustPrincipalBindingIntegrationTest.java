package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.decode;
import static io.sigil.server.api.iam.RoleFixtures.trusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;

/**
 * Principals named in trust policies are bound to their unique ids (spec §10 F62–F63; IAM User Guide, "IAM JSON
 * policy elements: Principal"): delete and re-create Bob, and the role shows Bob's old id instead of his ARN.
 */
class TrustPrincipalBindingIntegrationTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static SigilTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = SigilTestServer.start();
        iam = server.rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    private static String trustOf(String role) {
        return decode(iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument());
    }

    @Test
    void deletedAndRecreatedUser_isShownAsTheOldUniqueId_untilThePolicyIsSavedAgain_F62() {
        String bobArn = "arn:aws:iam::" + ACCOUNT + ":user/Bob";
        User oldBob = RoleFixtures.user(server, "Bob");
        iam.createRole(r -> r.roleName("TrustsBob").assumeRolePolicyDocument(trusting(bobArn)));
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(bobArn));

        server.app().store().write(tx -> tx.users().delete(ACCOUNT, "Bob"));
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(oldBob.id()));
        User newBob = RoleFixtures.user(server, "Bob");
        assertThat(newBob.id()).isNotEqualTo(oldBob.id());
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(oldBob.id()));

        iam.updateAssumeRolePolicy(r -> r.roleName("TrustsBob").policyDocument(trusting(bobArn)));
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(bobArn));
    }

    @Test
    void renamedUser_isShownUnderTheNewName_F63() {
        User carol = RoleFixtures.user(server, "Carol");
        iam.createRole(r -> r.roleName("TrustsCarol").assumeRolePolicyDocument(
                trusting("arn:aws:iam::" + ACCOUNT + ":user/Carol")));
        server.app().store().write(tx -> tx.users().update(tx.users().get(ACCOUNT, "Carol").renamed("Caroline",
                "/moved/")));
        assertThat(trustOf("TrustsCarol")).isEqualTo(trusting("arn:aws:iam::" + ACCOUNT + ":user/moved/Caroline"));
        assertThat(carol.id()).startsWith("AIDA");
    }

    @Test
    void deletedRolePrincipal_isShownAsItsRoleId() {
        String innerArn = "arn:aws:iam::" + ACCOUNT + ":role/Inner";
        String innerId = iam.createRole(r -> r.roleName("Inner").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST))
                .role().roleId();
        iam.createRole(r -> r.roleName("Outer").assumeRolePolicyDocument(trusting(innerArn)));
        iam.deleteRole(r -> r.roleName("Inner"));
        assertThat(trustOf("Outer")).isEqualTo(trusting(innerId));
        assertThat(decode(iam.listRoles(r -> r.pathPrefix("/")).roles().stream()
                .filter(x -> x.roleName().equals("Outer")).findFirst().orElseThrow().assumeRolePolicyDocument()))
                .isEqualTo(trusting(innerId));
    }

    @Test
    void trustPolicyNamingAUserThatDoesNotExist_isMalformedPolicyDocument_asAwsAnswersIt() {
        String ghost = "arn:aws:iam::" + ACCOUNT + ":user/Ghost";
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("TrustsGhost").assumeRolePolicyDocument(
                trusting(ghost)))).isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Invalid principal in policy: \"AWS\":\"" + ghost + "\"");
    }

    @Test
    void accountPrincipalsWildcardsAndOtherAccounts_areLeftAsWritten() {
        String other = "arn:aws:iam::999999999999:user/Somebody";
        iam.createRole(r -> r.roleName("TrustsOthers").assumeRolePolicyDocument(trusting(other)));
        assertThat(trustOf("TrustsOthers")).isEqualTo(trusting(other));
        iam.createRole(r -> r.roleName("TrustsAccount").assumeRolePolicyDocument(trusting(ACCOUNT)));
        assertThat(trustOf("TrustsAccount")).isEqualTo(trusting(ACCOUNT));
    }
}
