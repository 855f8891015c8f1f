package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.CLOCK;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RoleService on a real SQLite store (IAM API Reference: CreateRole, GetRole, UpdateRole, DeleteRole, ...). */
class RoleServiceTest {

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path dir;
    private ServiceFixture f;
    private RoleService roles;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, Limits.AWS_DEFAULTS.withRolesPerAccount(2));
        roles = new RoleService(f.store, CLOCK);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Role create(String name) {
        return roles.createRole(ACCOUNT, name, null, TRUST, null, null, null, List.of());
    }

    /** A valid trust policy of exactly {@code size} characters that count (whitespace outside strings does not). */
    static String trustOfSize(int size) {
        String base = TRUST.replace("{\"Effect\"", "{\"Sid\":\"\",\"Effect\"");
        return base.replace("\"Sid\":\"\"", "\"Sid\":\"" + "a".repeat(size - base.length()) + "\"");
    }

    @Test
    void createRole_defaultsPathSessionAndDescription_andDatesToTheSecond() {
        Role r = create("App");
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.maxSessionDuration()).isEqualTo(3600);
        assertThat(r.description()).isNull();
        assertThat(r.createDate()).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
        assertThat(r.id()).matches("AROA[A-Z2-7]{17}");
        assertThat(r.isServiceLinked()).isFalse();
        assertThat(r.lastUsed()).isNull();
    }

    @Test
    void trustPolicySize_isCountedWithoutWhitespace_2048Accepted_2049Refused() {
        roles.createRole(ACCOUNT, "At2047", null, trustOfSize(2047), null, null, null, List.of());
        roles.createRole(ACCOUNT, "At2048", null, trustOfSize(2048).replace(",", ",\n\t"), null, null, null,
                List.of());
        assertIamError(() -> roles.createRole(ACCOUNT, "At2049", null, trustOfSize(2049), null, null, null,
                List.of()), "LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048");
    }

    @Test
    void trustPolicy_mustHaveAPrincipal_andAnIdentityPolicyIsMalformed() {
        String identity = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        assertIamError(() -> roles.createRole(ACCOUNT, "Bad", null, identity, null, null, null, List.of()),
                "MalformedPolicyDocument", null);
        assertThat(f.store.<java.util.Optional<Role>>read(tx -> tx.roles().find(ACCOUNT, "Bad"))).isEmpty();
    }

    @Test
    void reservedTagPrefixAndForeignBoundary_areRefusedBeforeAnythingIsWritten() {
        assertIamError(() -> roles.createRole(ACCOUNT, "Tagged", null, TRUST, null, null, null,
                List.of(new Tag("aws:team", "x"))), "InvalidInput", null);
        assertIamError(() -> roles.createRole(ACCOUNT, "Bounded", null, TRUST, null, null,
                "arn:aws:iam::999999999999:policy/Theirs", List.of()), "NoSuchEntity",
                "Scope ARN: arn:aws:iam::999999999999:policy/Theirs does not exist or is not attachable.");
        assertIamError(() -> roles.createRole(ACCOUNT, "Bounded", null, TRUST, null, null, "not-an-arn", List.of()),
                "InvalidInput", "ARN not-an-arn is not valid.");
        assertThat(roles.listRoles(ACCOUNT, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void rolesPerAccountQuota_refusesTheRoleBeyondIt_butServiceLinkedRolesMayExceedIt() {
        create("R1");
        create("R2");
        assertIamError(() -> create("R3"), "LimitExceeded", "Cannot exceed quota for RolesPerAccount: 2");
        new ServiceLinkedRoleService(f.store, CLOCK).create(ACCOUNT, "ecs.amazonaws.com", null, null);
        assertThat(roles.listRoles(ACCOUNT, PageRequest.first()).items()).hasSize(3);
    }

    @Test
    void updateRole_leavesOmittedMembersAsTheyAre() {
        roles.createRole(ACCOUNT, "U", null, TRUST, "first", 7200, null, List.of());
        Role r = roles.updateRole(ACCOUNT, "u", null, 43200);
        assertThat(r.description()).isEqualTo("first");
        assertThat(r.maxSessionDuration()).isEqualTo(43200);
        r = roles.updateRole(ACCOUNT, "U", "second", null);
        assertThat(r.maxSessionDuration()).isEqualTo(43200);
        assertThat(roles.updateRoleDescription(ACCOUNT, "U", "third").description()).isEqualTo("third");
        assertThat(roles.getRole(ACCOUNT, "U").version()).isEqualTo(3);
    }

    @Test
    void deleteRole_checksInstanceProfilesBeforeInlinePolicies_asTheDeleteRoleReferenceListsThem() {
        create("Busy");
        f.store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.ROLE, "Busy", "p",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}")));
        InstanceProfileService profiles = new InstanceProfileService(f.store, CLOCK);
        profiles.create(ACCOUNT, "Ip", null, List.of());
        profiles.addRole(ACCOUNT, "Ip", "Busy");
        assertIamError(() -> roles.deleteRole(ACCOUNT, "Busy"), "DeleteConflict",
                "Cannot delete entity, must remove roles from instance profile first.");
        profiles.removeRole(ACCOUNT, "Ip", "Busy");
        assertIamError(() -> roles.deleteRole(ACCOUNT, "Busy"), "DeleteConflict",
                "Cannot delete entity, must delete policies first.");
        f.store.write(tx -> tx.inlinePolicies().delete(ACCOUNT, PolicyOwnerKind.ROLE, "Busy", "p"));
        roles.deleteRole(ACCOUNT, "busy");
        assertIamError(() -> roles.getRole(ACCOUNT, "Busy"), "NoSuchEntity",
                "The role with name Busy cannot be found.");
    }

    @Test
    void recordUse_keepsTheLatestUseAndItsRegion_forRoleLastUsed() {
        Role r = create("Used");
        Instant later = NOW.plusSeconds(60);
        roles.recordUse(r.id(), later, "eu-west-1");
        roles.recordUse(r.id(), NOW, "us-east-1");
        Role got = roles.getRole(ACCOUNT, "Used");
        assertThat(got.lastUsed()).isEqualTo(later.truncatedTo(ChronoUnit.SECONDS));
        assertThat(got.lastUsedRegion()).isEqualTo("eu-west-1");
        assertThat(got.version()).isEqualTo(r.version());
    }

    @Test
    void tags_areCaseInsensitiveByKey_andLimitedTo50() {
        roles.createRole(ACCOUNT, "T", null, TRUST, null, null, null, List.of(new Tag("Env", "dev")));
        roles.tagRole(ACCOUNT, "T", List.of(new Tag("env", "prod")));
        assertThat(roles.listRoleTags(ACCOUNT, "T", PageRequest.first()).items())
                .containsExactly(new Tag("env", "prod"));
        assertIamError(() -> roles.tagRole(ACCOUNT, "T", List.of(new Tag("a", "1"), new Tag("A", "2"))),
                "InvalidInput", null);
        List<Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new Tag("k" + i, ""));
        }
        assertIamError(() -> roles.tagRole(ACCOUNT, "T", many), "LimitExceeded",
                "Cannot exceed quota for TagsPerRole: 50");
        roles.untagRole(ACCOUNT, "T", List.of("ENV"));
        roles.tagRole(ACCOUNT, "T", many);
        assertThat(roles.getRole(ACCOUNT, "T").tags()).hasSize(50);
    }
}
