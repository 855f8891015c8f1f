package io.sigil.iam.service;

import static io.sigil.iam.service.PolicyServiceFixture.ACCOUNT;
import static io.sigil.iam.service.PolicyServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.PolicyServiceFixture.READ_ONLY;
import static io.sigil.iam.service.PolicyServiceFixture.ROOT;
import static io.sigil.iam.service.PolicyServiceFixture.allow;
import static io.sigil.iam.service.PolicyServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Put/Delete{User,Role}PermissionsBoundary and PermissionsBoundaryUsageCount. */
class BoundaryServiceTest {

    @TempDir
    Path dir;
    private PolicyServiceFixture f;
    private BoundaryService boundaries;

    @BeforeEach
    void setUp() {
        f = new PolicyServiceFixture(dir, Limits.AWS_DEFAULTS);
        boundaries = f.boundaries();
        f.createUser("ann");
        f.createRole("ops");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aUsersBoundary_isSetReplacedAndDeleted_andCountedOnThePolicy() {
        String mine = f.createPolicy("Cap", "/").policy().arn();
        boundaries.putUserPermissionsBoundary(ACCOUNT, "ann", READ_ONLY);
        assertThat(f.user("ann").permissionsBoundaryArn()).isEqualTo(READ_ONLY);
        boundaries.putUserPermissionsBoundary(ACCOUNT, "ann", mine);
        assertThat(f.user("ann").permissionsBoundaryArn()).isEqualTo(mine);
        assertThat(f.policies().getPolicy(ACCOUNT, mine).usage().permissionsBoundaryUsageCount()).isEqualTo(1);
        assertThat(f.policies().getPolicy(ACCOUNT, mine).usage().attachmentCount()).isZero();
        boundaries.deleteUserPermissionsBoundary(ACCOUNT, "ann");
        boundaries.deleteUserPermissionsBoundary(ACCOUNT, "ann");
        assertThat(f.user("ann").permissionsBoundaryArn()).isNull();
        assertThat(f.policies().getPolicy(ACCOUNT, mine).usage().permissionsBoundaryUsageCount()).isZero();
    }

    @Test
    void aRolesBoundary_isSetAndDeleted_andBlocksDeletingThePolicy() {
        String mine = f.createPolicy("RoleCap", "/").policy().arn();
        boundaries.putRolePermissionsBoundary(ACCOUNT, "ops", mine);
        assertThat(f.store.read(tx -> tx.roles().get(ACCOUNT, "ops")).permissionsBoundaryArn()).isEqualTo(mine);
        assertIamError(() -> f.policies().deletePolicy(ROOT, mine), "DeleteConflict",
                "Cannot delete a policy attached to entities.");
        boundaries.deleteRolePermissionsBoundary(ACCOUNT, "ops");
        f.policies().deletePolicy(ROOT, mine);
    }

    @Test
    void aBoundaryThatIsNotAManagedPolicyTheAccountCanUse_isRefusedInIamsWords() {
        String theirs = f.policies().createPolicy(OTHER_ACCOUNT, "Theirs", "/", allow("s3:*"), null, List.of())
                .policy().arn();
        assertIamError(() -> boundaries.putUserPermissionsBoundary(ACCOUNT, "ann", theirs), "NoSuchEntity",
                "Scope ARN: " + theirs + " does not exist or is not attachable.");
        assertIamError(() -> boundaries.putRolePermissionsBoundary(ACCOUNT, "ops",
                "arn:aws:iam::aws:policy/NoSuchPolicy"), "NoSuchEntity",
                "Scope ARN: arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.");
        assertIamError(() -> boundaries.putUserPermissionsBoundary(ACCOUNT, "ann",
                "arn:aws:iam::123456789012:user/ann"), "InvalidInput", "ARN arn:aws:iam::123456789012:user/ann is "
                + "not valid.");
        assertIamError(() -> boundaries.putUserPermissionsBoundary(ACCOUNT, "nobody", READ_ONLY), "NoSuchEntity",
                "The user with name nobody cannot be found.");
        assertThat(f.user("ann").permissionsBoundaryArn()).isNull();
    }
}
