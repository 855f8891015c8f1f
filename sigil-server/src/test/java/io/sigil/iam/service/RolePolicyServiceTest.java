package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.CLOCK;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Role inline policies on SQLite: validation, the 10,240-character aggregate quota, names, service-linked roles. */
class RolePolicyServiceTest {

    @TempDir
    Path dir;
    private ServiceFixture f;
    private RolePolicyService policies;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, Limits.AWS_DEFAULTS);
        policies = new RolePolicyService(f.store, new InlinePolicyService(f.store, Limits.AWS_DEFAULTS));
        new RoleService(f.store, CLOCK).createRole(ACCOUNT, "R", null, RoleServiceTest.TRUST, null, null, null,
                List.of());
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** An identity policy of exactly {@code size} characters that count against the quota. */
    static String policyOfSize(int size) {
        String base = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        return base.replace("\"Sid\":\"\"", "\"Sid\":\"" + "a".repeat(size - base.length()) + "\"");
    }

    @Test
    void aggregateSize_upTo10240IsAccepted_10241IsLimitExceeded_andTheWriteIsRolledBack() {
        policies.put(ACCOUNT, "R", "a", policyOfSize(5120));
        policies.put(ACCOUNT, "R", "b", policyOfSize(5119));
        policies.put(ACCOUNT, "R", "b", policyOfSize(5120));
        assertIamError(() -> policies.put(ACCOUNT, "R", "b", policyOfSize(5121)), "LimitExceeded",
                "Maximum policy size of 10240 bytes exceeded for role R");
        assertThat(policies.get(ACCOUNT, "R", "b").document()).isEqualTo(policyOfSize(5120));
    }

    @Test
    void whitespace_doesNotCountAgainstTheQuota() {
        String padded = policyOfSize(10240).replace(",", ",\n        ");
        policies.put(ACCOUNT, "R", "big", padded);
        assertThat(policies.get(ACCOUNT, "R", "BIG").document()).isEqualTo(padded);
    }

    @Test
    void putUnderAnExistingNameInAnotherCase_replacesThePolicyAndItsSpelling() {
        policies.put(ACCOUNT, "R", "Read", policyOfSize(200));
        policies.put(ACCOUNT, "r", "READ", policyOfSize(300));
        assertThat(policies.list(ACCOUNT, "R", PageRequest.first()).items()).containsExactly("READ");
        assertThat(policies.get(ACCOUNT, "R", "read").ownerName()).isEqualTo("R");
    }

    @Test
    void trustPolicyAsInlinePolicy_isMalformed_andMissingRoleOrPolicyIsNoSuchEntity() {
        assertIamError(() -> policies.put(ACCOUNT, "R", "p", RoleServiceTest.TRUST), "MalformedPolicyDocument", null);
        assertIamError(() -> policies.put(ACCOUNT, "Ghost", "p", policyOfSize(200)), "NoSuchEntity",
                "The role with name Ghost cannot be found.");
        assertIamError(() -> policies.get(ACCOUNT, "R", "none"), "NoSuchEntity",
                "The role policy with name none cannot be found.");
        assertIamError(() -> policies.delete(ACCOUNT, "R", "none"), "NoSuchEntity",
                "The role policy with name none cannot be found.");
    }

    @Test
    void serviceLinkedRole_refusesPutAndDelete_withUnmodifiableEntity() {
        new ServiceLinkedRoleService(f.store, CLOCK).create(ACCOUNT, "rds.amazonaws.com", null, null);
        String msg = "Cannot perform the operation on the protected role 'AWSServiceRoleForRDS' - this role is only "
                + "modifiable by AWS";
        assertIamError(() -> policies.put(ACCOUNT, "AWSServiceRoleForRDS", "p", policyOfSize(200)),
                "UnmodifiableEntity", msg);
        assertIamError(() -> policies.delete(ACCOUNT, "AWSServiceRoleForRDS", "p"), "UnmodifiableEntity", msg);
    }
}
