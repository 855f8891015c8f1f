package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.PolicyTestSupport.READ_ONLY;
import static io.sigil.server.api.iam.PolicyTestSupport.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;
import software.amazon.awssdk.services.iam.model.User;

/** Put/Delete{User,Role}PermissionsBoundary and boundaries at CreateUser, through the AWS SDK for Java v2. */
class BoundariesSdkTest {

    private static SigilTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        iam = server.rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    @Test
    void aUsersBoundary_showsInGetUser_countsOnThePolicy_andBlocksItsDeletion() {
        String cap = iam.createPolicy(b -> b.policyName("bnd-cap").policyDocument(allow("iam:Get*"))).policy().arn();
        iam.createUser(b -> b.userName("bnd-ann"));
        iam.putUserPermissionsBoundary(b -> b.userName("bnd-ann").permissionsBoundary(cap));
        User ann = iam.getUser(b -> b.userName("bnd-ann")).user();
        assertThat(ann.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(cap);
        assertThat(ann.permissionsBoundary().permissionsBoundaryTypeAsString())
                .isEqualTo("Policy"); // as AWS answers it (awsdocs/iam-user-guide#82)
        assertThat(iam.getPolicy(b -> b.policyArn(cap)).policy().permissionsBoundaryUsageCount()).isEqualTo(1);
        ListEntitiesForPolicyResponse users = iam.listEntitiesForPolicy(b -> b.policyArn(cap)
                .policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY));
        assertThat(users.policyUsers()).extracting(PolicyUser::userName).containsExactly("bnd-ann");
        awsError(() -> iam.deletePolicy(b -> b.policyArn(cap)), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete a policy attached to entities.");
        iam.deleteUserPermissionsBoundary(b -> b.userName("bnd-ann"));
        assertThat(iam.getUser(b -> b.userName("bnd-ann")).user().permissionsBoundary()).isNull();
        assertThat(iam.getPolicy(b -> b.policyArn(cap)).policy().permissionsBoundaryUsageCount()).isZero();
        iam.deletePolicy(b -> b.policyArn(cap));
    }

    @Test
    void aRolesBoundary_isPutAndDeleted() {
        PolicyTestSupport.role(server, "bnd-ops");
        iam.putRolePermissionsBoundary(b -> b.roleName("bnd-ops").permissionsBoundary(READ_ONLY));
        assertThat(server.app().store().read(tx -> tx.roles().get(PolicyTestSupport.ACCOUNT, "bnd-ops"))
                .permissionsBoundaryArn()).isEqualTo(READ_ONLY);
        iam.deleteRolePermissionsBoundary(b -> b.roleName("bnd-ops"));
        assertThat(server.app().store().read(tx -> tx.roles().get(PolicyTestSupport.ACCOUNT, "bnd-ops"))
                .permissionsBoundaryArn()).isNull();
    }

    @Test
    void aBoundaryMustBeAManagedPolicyThatExists_atPutAndAtCreateUser() {
        iam.createUser(b -> b.userName("bnd-bob"));
        String missing = "arn:aws:iam::123456789012:policy/bnd-missing";
        awsError(() -> iam.putUserPermissionsBoundary(b -> b.userName("bnd-bob").permissionsBoundary(missing)),
                NoSuchEntityException.class, 404, "NoSuchEntity",
                "Scope ARN: " + missing + " does not exist or is not attachable.");
        awsError(() -> iam.createUser(b -> b.userName("bnd-carl").permissionsBoundary(missing)),
                NoSuchEntityException.class, 404, "NoSuchEntity",
                "Scope ARN: " + missing + " does not exist or is not attachable.");
        awsError(() -> iam.putRolePermissionsBoundary(b -> b.roleName("bnd-nobody").permissionsBoundary(READ_ONLY)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The role with name bnd-nobody cannot be found.");
        awsError(() -> iam.putUserPermissionsBoundary(b -> b.userName("bnd-bob")
                        .permissionsBoundary("arn:aws:iam::123456789012:role/not-a-policy")), InvalidInputException.class,
                400, "InvalidInput", "ARN arn:aws:iam::123456789012:role/not-a-policy is not valid.");
        iam.createUser(b -> b.userName("bnd-dee").permissionsBoundary(READ_ONLY));
        assertThat(iam.getUser(b -> b.userName("bnd-dee")).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(READ_ONLY);
    }
}
