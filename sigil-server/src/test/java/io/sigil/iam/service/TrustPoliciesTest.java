package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.CLOCK;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.TrustBinding;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Principal binding in trust policies (spec §10 F62–F63; IAM User Guide, "IAM JSON policy elements: Principal"). */
class TrustPoliciesTest {

    @TempDir
    Path dir;
    private ServiceFixture f;
    private RoleService roles;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, Limits.AWS_DEFAULTS);
        roles = new RoleService(f.store, CLOCK);
    }

    @AfterEach
    void close() {
        f.close();
    }

    static String trusting(String... principals) {
        String list = principals.length == 1 ? "\"" + principals[0] + "\""
                : "[\"" + String.join("\",\"", principals) + "\"]";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + list
                + "},\"Action\":\"sts:AssumeRole\"}]}";
    }

    @Test
    void render_replacesOnlyWholeJsonStrings_soAnArnThatPrefixesAnotherIsSafe() {
        String bob = "arn:aws:iam::" + ACCOUNT + ":user/Bob";
        String bobby = "arn:aws:iam::" + ACCOUNT + ":user/Bobby";
        String doc = trusting(bob, bobby);
        String out = TrustPolicies.render(doc, List.of(new TrustBinding(bob, "AIDAOLDBOB"),
                new TrustBinding(bobby, "AIDABOBBY")), id -> id.equals("AIDABOBBY") ? Optional.of(bobby)
                : Optional.empty());
        assertThat(out).isEqualTo(trusting("AIDAOLDBOB", bobby));
    }

    @Test
    void bind_recordsUsersAndRolesOfThisAccount_withTheirPaths_andSkipsEverythingElse() {
        User alice = f.users().createUser(ACCOUNT, "alice", "/team/", null, List.of());
        Role target = roles.createRole(ACCOUNT, "Target", null, RoleServiceTest.TRUST, null, null, null, List.of());
        String aliceArn = "arn:aws:iam::" + ACCOUNT + ":user/team/alice";
        String doc = trusting(aliceArn, target.arn(), ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":root",
                "arn:aws:iam::999999999999:user/x", "*");
        List<TrustBinding> bindings = f.store.read(tx -> TrustPolicies.bind(tx, doc));
        assertThat(bindings).extracting(TrustBinding::arn, TrustBinding::principalId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(aliceArn, alice.id()),
                        org.assertj.core.groups.Tuple.tuple(target.arn(), target.id()));
    }

    @Test
    void bind_refusesAUserArnWithTheWrongPath_asAnInvalidPrincipal() {
        f.users().createUser(ACCOUNT, "alice", "/team/", null, List.of());
        String wrong = "arn:aws:iam::" + ACCOUNT + ":user/alice";
        assertIamError(() -> roles.createRole(ACCOUNT, "R", null, trusting(wrong), null, null, null, List.of()),
                "MalformedPolicyDocument", "Invalid principal in policy: \"AWS\":\"" + wrong + "\"");
    }

    @Test
    void recreatedUser_isNotTrusted_andTheEffectivePolicyNamesTheOldId_F62() {
        User old = f.users().createUser(ACCOUNT, "bob", "/", null, List.of());
        String arn = old.arn();
        Role r = roles.createRole(ACCOUNT, "R", null, trusting(arn), null, null, null, List.of());
        f.users().deleteUser(ACCOUNT, "bob");
        f.users().createUser(ACCOUNT, "bob", "/", null, List.of());
        assertThat(roles.effectiveTrustPolicy(f.store.read(tx -> tx.roles().get(ACCOUNT, "R"))))
                .isEqualTo(trusting(old.id()))
                .doesNotContain(arn);
        assertThat(r.assumeRolePolicyDocument()).isEqualTo(trusting(arn));
        assertThat(f.store.read(tx -> tx.roles().get(ACCOUNT, "R")).assumeRolePolicyDocument())
                .as("the document is stored as submitted").isEqualTo(trusting(arn));
    }
}
