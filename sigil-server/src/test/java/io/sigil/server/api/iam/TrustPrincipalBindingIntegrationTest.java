package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.decode;
import static io.sigil.server.api.iam.RoleFixtures.trusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Principals named in trust policies are bound to their unique ids (spec §10 F62–F63; IAM User Guide, "IAM JSON
 * policy elements: Principal"): delete and re-create Bob, and the role shows Bob's old id instead of his ARN.
 */
class TrustPrincipalBindingIntegrationTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static String trustOf(String role) {
        return decode(SIGIL.root().getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument());
    }

    @Test
    void deletedAndRecreatedUser_isShownAsTheOldUniqueId_untilThePolicyIsSavedAgain_F62() {
        String bobArn = "arn:aws:iam::" + ACCOUNT + ":user/Bob";
        User oldBob = RoleFixtures.user(SIGIL.server(), "Bob");
        SIGIL.root().createRole(r -> r.roleName("TrustsBob").assumeRolePolicyDocument(trusting(bobArn)));
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(bobArn));

        SIGIL.server().app().store().write(tx -> tx.users().delete(ACCOUNT, "Bob"));
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(oldBob.id()));
        User newBob = RoleFixtures.user(SIGIL.server(), "Bob");
        assertThat(newBob.id()).isNotEqualTo(oldBob.id());
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(oldBob.id()));

        SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("TrustsBob").policyDocument(trusting(bobArn)));
        assertThat(trustOf("TrustsBob")).isEqualTo(trusting(bobArn));
    }

    @Test
    void renamedUser_isShownUnderTheNewName_F63() {
        User carol = RoleFixtures.user(SIGIL.server(), "Carol");
        SIGIL.root().createRole(r -> r.roleName("TrustsCarol").assumeRolePolicyDocument(
                trusting("arn:aws:iam::" + ACCOUNT + ":user/Carol")));
        SIGIL.server().app().store().write(tx -> tx.users().update(tx.users().get(ACCOUNT, "Carol").renamed("Caroline",
                "/moved/")));
        assertThat(trustOf("TrustsCarol")).isEqualTo(trusting("arn:aws:iam::" + ACCOUNT + ":user/moved/Caroline"));
        assertThat(carol.id()).startsWith("AIDA");
    }

    @Test
    void listRoles_showsEachTrustPolicyWithItsPrincipalsAsTheyAreNow_whenSeveralRolesNameTheSameUser() {
        SIGIL.root().createUser(r -> r.userName("Dora"));
        String doraArn = "arn:aws:iam::" + ACCOUNT + ":user/Dora";
        for (String role : java.util.List.of("DoraOne", "DoraTwo")) {
            SIGIL.root().createRole(r -> r.roleName(role).path("/dora/").assumeRolePolicyDocument(trusting(doraArn)));
        }
        SIGIL.root().createRole(r -> r.roleName("DoraNone").path("/dora/")
                .assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));
        SIGIL.root().updateUser(r -> r.userName("Dora").newUserName("Dorothy"));
        String now = trusting("arn:aws:iam::" + ACCOUNT + ":user/Dorothy");
        java.util.Map<String, String> listed = new java.util.TreeMap<>();
        SIGIL.root().listRoles(r -> r.pathPrefix("/dora/")).roles()
                .forEach(x -> listed.put(x.roleName(), decode(x.assumeRolePolicyDocument())));
        assertThat(listed).containsOnlyKeys("DoraNone", "DoraOne", "DoraTwo");
        assertThat(listed.get("DoraOne")).isEqualTo(now).isEqualTo(trustOf("DoraOne"));
        assertThat(listed.get("DoraTwo")).isEqualTo(now).isEqualTo(trustOf("DoraTwo"));
        assertThat(listed.get("DoraNone")).isEqualTo(RoleFixtures.EC2_TRUST).isEqualTo(trustOf("DoraNone"));
    }

    @Test
    void getAccountAuthorizationDetails_showsTrustPoliciesAsGetRoleDoes_alsoInTheRolesOfInstanceProfiles() {
        SIGIL.root().createUser(r -> r.userName("Eve"));
        SIGIL.root().createRole(r -> r.roleName("TrustsEve").assumeRolePolicyDocument(
                trusting("arn:aws:iam::" + ACCOUNT + ":user/Eve")));
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("EveProfile"));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("EveProfile").roleName("TrustsEve"));
        SIGIL.root().updateUser(r -> r.userName("Eve").newUserName("Evelyn"));
        String now = trusting("arn:aws:iam::" + ACCOUNT + ":user/Evelyn");
        assertThat(trustOf("TrustsEve")).isEqualTo(now);
        var detail = SIGIL.root().getAccountAuthorizationDetails(r -> r.filter(
                software.amazon.awssdk.services.iam.model.EntityType.ROLE)).roleDetailList().stream()
                .filter(d -> d.roleName().equals("TrustsEve")).findFirst().orElseThrow();
        assertThat(decode(detail.assumeRolePolicyDocument())).isEqualTo(now);
        assertThat(detail.instanceProfileList()).singleElement().satisfies(ip -> assertThat(
                decode(ip.roles().get(0).assumeRolePolicyDocument())).isEqualTo(now));
    }

    @Test
    void deletedRolePrincipal_isShownAsItsRoleId() {
        String innerArn = "arn:aws:iam::" + ACCOUNT + ":role/Inner";
        String innerId = SIGIL.root().createRole(r -> r.roleName("Inner")
                .assumeRolePolicyDocument(RoleFixtures.EC2_TRUST))
                .role().roleId();
        SIGIL.root().createRole(r -> r.roleName("Outer").assumeRolePolicyDocument(trusting(innerArn)));
        SIGIL.root().deleteRole(r -> r.roleName("Inner"));
        assertThat(trustOf("Outer")).isEqualTo(trusting(innerId));
        assertThat(decode(SIGIL.root().listRoles(r -> r.pathPrefix("/")).roles().stream()
                .filter(x -> x.roleName().equals("Outer")).findFirst().orElseThrow().assumeRolePolicyDocument()))
                .isEqualTo(trusting(innerId));
    }

    @Test
    void trustPolicyNamingAUserThatDoesNotExist_isMalformedPolicyDocument_asAwsAnswersIt() {
        String ghost = "arn:aws:iam::" + ACCOUNT + ":user/Ghost";
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("TrustsGhost").assumeRolePolicyDocument(
                trusting(ghost)))).isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Invalid principal in policy: \"AWS\":\"" + ghost + "\"");
    }

    @Test
    void accountPrincipalsWildcardsAndOtherAccounts_areLeftAsWritten() {
        String other = "arn:aws:iam::999999999999:user/Somebody";
        SIGIL.root().createRole(r -> r.roleName("TrustsOthers").assumeRolePolicyDocument(trusting(other)));
        assertThat(trustOf("TrustsOthers")).isEqualTo(trusting(other));
        SIGIL.root().createRole(r -> r.roleName("TrustsAccount").assumeRolePolicyDocument(trusting(ACCOUNT)));
        assertThat(trustOf("TrustsAccount")).isEqualTo(trusting(ACCOUNT));
    }

    /** A user named {@code name} with a key and a policy allowing sts:AssumeRole on every role: an STS client. */
    private static StsClient assumer(String name) {
        User u = RoleFixtures.user(SIGIL.server(), name);
        String keyId = Ids.accessKeyId();
        String secret = Ids.secretAccessKey();
        SIGIL.server().app().store().write(tx -> {
            tx.accessKeys().create(new AccessKey(ACCOUNT, keyId, u.id(), u.name(), AccessKeyStatus.ACTIVE,
                    Instant.now(), null), secret);
            tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.USER, name, "assume",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
        });
        return SIGIL.server().sts(keyId, secret);
    }

    /** Deletes a user made by {@link #assumer}: its keys and policy first, as DeleteUser requires. */
    private static void deleteAssumer(String name) {
        SIGIL.server().app().store().write(tx -> {
            for (AccessKey k : tx.accessKeys().list(ACCOUNT, name, io.sigil.iam.store.PageRequest.first()).items()) {
                tx.accessKeys().delete(ACCOUNT, k.id());
            }
            tx.inlinePolicies().delete(ACCOUNT, PolicyOwnerKind.USER, name, "assume");
            tx.users().delete(ACCOUNT, name);
        });
    }

    @Test
    void recreatedUser_cannotAssumeTheRole_untilTheTrustPolicyIsSavedAgain_andUseIsRecorded_F62() {
        String daveArn = "arn:aws:iam::" + ACCOUNT + ":user/Dave";
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/DaveRole";
        try (StsClient oldDave = assumer("Dave")) {
            SIGIL.root().createRole(r -> r.roleName("DaveRole").assumeRolePolicyDocument(trusting(daveArn)));
            oldDave.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1"));
        }
        RoleLastUsed used = SIGIL.root().getRole(r -> r.roleName("DaveRole")).role().roleLastUsed();
        assertThat(used.lastUsedDate()).isNotNull();
        assertThat(used.region()).isEqualTo("us-east-1");
        deleteAssumer("Dave");
        try (StsClient newDave = assumer("Dave")) {
            assertThatThrownBy(() -> newDave.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s2")))
                    .isInstanceOf(StsException.class)
                    .hasMessageContaining("is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
            SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("DaveRole").policyDocument(trusting(daveArn)));
            newDave.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s3"));
        }
    }
}
