package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.CLOCK;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instance profiles on SQLite (IAM User Guide, "Use instance profiles"; spec §6, §10 H77). */
class InstanceProfileServiceTest {

    @TempDir
    Path dir;
    private ServiceFixture f;
    private InstanceProfileService profiles;
    private RoleService roles;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, Limits.AWS_DEFAULTS.withInstanceProfilesPerAccount(2));
        profiles = new InstanceProfileService(f.store, CLOCK);
        roles = new RoleService(f.store, CLOCK);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void instanceProfilesPerAccountQuota_refusesTheProfileBeyondIt() {
        profiles.create(ACCOUNT, "P1", null, List.of());
        profiles.create(ACCOUNT, "P2", "/x/", List.of());
        assertIamError(() -> profiles.create(ACCOUNT, "P3", null, List.of()), "LimitExceeded",
                "Cannot exceed quota for InstanceProfilesPerAccount: 2");
        profiles.delete(ACCOUNT, "p1");
        profiles.create(ACCOUNT, "P3", null, List.of());
    }

    @Test
    void oneRolePerProfile_theSecondIsLimitExceeded_H77() {
        profiles.create(ACCOUNT, "P", null, List.of());
        roles.createRole(ACCOUNT, "A", null, RoleServiceTest.TRUST, null, null, null, List.of());
        roles.createRole(ACCOUNT, "B", null, RoleServiceTest.TRUST, null, null, null, List.of());
        profiles.addRole(ACCOUNT, "P", "A");
        assertIamError(() -> profiles.addRole(ACCOUNT, "P", "B"), "LimitExceeded",
                "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        InstanceProfile p = profiles.get(ACCOUNT, "p");
        assertThat(p.roles()).extracting(Role::name).containsExactly("A");
        assertThat(p.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":instance-profile/P");
    }

    @Test
    void aRoleMayBeInManyProfiles_andRemovingItFromOneLeavesTheOthers() {
        roles.createRole(ACCOUNT, "Shared", null, RoleServiceTest.TRUST, null, null, null, List.of());
        profiles.create(ACCOUNT, "P1", null, List.of());
        profiles.create(ACCOUNT, "P2", null, List.of());
        profiles.addRole(ACCOUNT, "P1", "Shared");
        profiles.addRole(ACCOUNT, "P2", "shared");
        profiles.removeRole(ACCOUNT, "P1", "SHARED");
        assertThat(profiles.listForRole(ACCOUNT, "Shared", PageRequest.first()).items())
                .extracting(InstanceProfile::name).containsExactly("P2");
        assertIamError(() -> profiles.removeRole(ACCOUNT, "P1", "Shared"), "NoSuchEntity",
                "Role Shared in Instance Profile P1 cannot be found.");
    }

    @Test
    void profileTags_areLimitedTo50_andUseTheirOwnQuotaName() {
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new Tag("k" + i, "v"));
        }
        assertIamError(() -> profiles.create(ACCOUNT, "P", null, many), "LimitExceeded",
                "Cannot exceed quota for TagsPerInstanceProfile: 50");
        profiles.create(ACCOUNT, "P", null, many.subList(0, 50));
        assertIamError(() -> profiles.tag(ACCOUNT, "P", List.of(new Tag("one-more", ""))), "LimitExceeded", null);
        assertIamError(() -> profiles.tag(ACCOUNT, "P", List.of(new Tag("aws:x", ""))), "InvalidInput", null);
        assertThat(profiles.listTags(ACCOUNT, "P", PageRequest.of(1000)).items()).hasSize(50);
    }

    @Test
    void rolesInProfiles_showTheirTrustPolicyRendered_likeGetRole() {
        var bob = f.users().createUser(ACCOUNT, "bob", "/", null, List.of());
        String doc = TrustPoliciesTest.trusting(bob.arn());
        roles.createRole(ACCOUNT, "TrustsBob", null, doc, null, null, null, List.of());
        profiles.create(ACCOUNT, "P", null, List.of());
        profiles.addRole(ACCOUNT, "P", "TrustsBob");
        f.users().deleteUser(ACCOUNT, "bob");
        assertThat(profiles.get(ACCOUNT, "P").roles().get(0).assumeRolePolicyDocument())
                .isEqualTo(TrustPoliciesTest.trusting(bob.id()));
    }
}
