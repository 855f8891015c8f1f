package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static io.sigil.server.api.iam.RoleFixtures.S3_READ;
import static io.sigil.server.api.iam.RoleFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyNotAttachableException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.UnmodifiableEntityException;

/**
 * Service-linked roles through the AWS SDK: names and paths as AWS makes them, protection from customer changes,
 * and asynchronous deletion (IAM User Guide, "Using service-linked roles"; spec §10 H87).
 */
class ServiceLinkedRolesIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void createServiceLinkedRole_namesAndPathsTheRoleAsAwsDoes_andTrustsOnlyTheService() {
        Role role = SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com")
                .description("Beanstalk")).role();
        assertThat(role.roleName()).isEqualTo("AWSServiceRoleForElasticBeanstalk");
        assertThat(role.path()).isEqualTo("/aws-service-role/elasticbeanstalk.amazonaws.com/");
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                + ":role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk");
        assertThat(decode(role.assumeRolePolicyDocument()))
                .contains("\"Principal\":{\"Service\":\"elasticbeanstalk.amazonaws.com\"}")
                .contains("\"Action\":\"sts:AssumeRole\"");
        assertThat(role.description()).isEqualTo("Beanstalk");
        assertThat(SIGIL.root().getRole(r -> r.roleName("AWSServiceRoleForElasticBeanstalk")).role().roleId())
                .isEqualTo(role.roleId());
    }

    @Test
    void secondServiceLinkedRoleForAService_isInvalidInput_unlessASuffixIsAllowed() {
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("spot.amazonaws.com"));
        assertThatThrownBy(() -> SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("spot.amazonaws.com")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Service role name AWSServiceRoleForEC2Spot has been taken in this account, "
                        + "please try a different suffix.");
        assertThatThrownBy(() -> SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("es.amazonaws.com")
                .customSuffix("x"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Custom suffix is not allowed for es.amazonaws.com");
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com"));
        Role suffixed = SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com")
                .customSuffix("debug")).role();
        assertThat(suffixed.roleName()).isEqualTo("AWSServiceRoleForAutoScaling_debug");
    }

    @Test
    void serviceLinkedRole_refusesTrustPolicyInlinePolicyDurationAndDeleteChanges_H87() {
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("guardduty.amazonaws.com"));
        String name = "AWSServiceRoleForAmazonGuardDuty";
        String protectedRole = "Cannot perform the operation on the protected role '" + name
                + "' - this role is only modifiable by AWS";
        assertThatThrownBy(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(EC2_TRUST)))
                .isInstanceOf(UnmodifiableEntityException.class).hasMessageContaining(protectedRole);
        assertThatThrownBy(() -> SIGIL.root().putRolePolicy(r -> r.roleName(name).policyName("p")
                .policyDocument(S3_READ)))
                .isInstanceOf(UnmodifiableEntityException.class).hasMessageContaining(protectedRole);
        assertThatThrownBy(() -> SIGIL.root().deleteRolePolicy(r -> r.roleName(name).policyName("p")))
                .isInstanceOf(UnmodifiableEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().updateRole(r -> r.roleName(name).maxSessionDuration(7200)))
                .isInstanceOf(UnmodifiableEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().deleteRole(r -> r.roleName(name)))
                .isInstanceOf(UnmodifiableEntityException.class);
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("GdProfile"));
        assertThatThrownBy(() -> SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("GdProfile")
                .roleName(name)))
                .isInstanceOf(UnmodifiableEntityException.class);
        // "You can edit the description of a service-linked role" (Editing a service-linked role); tags too.
        SIGIL.root().updateRoleDescription(r -> r.roleName(name).description("mine"));
        SIGIL.root().updateRole(r -> r.roleName(name).description("still mine"));
        assertThat(SIGIL.root().getRole(r -> r.roleName(name)).role().description()).isEqualTo("still mine");
    }

    @Test
    void deleteServiceLinkedRole_returnsATaskId_whoseStatusGoesFromInProgressToSucceeded_H87() {
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com"));
        String taskId = SIGIL.root().deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForECS")).deletionTaskId();
        assertThat(taskId).matches("task/aws-service-role/ecs\\.amazonaws\\.com/AWSServiceRoleForECS/[0-9a-f-]{36}");
        assertThat(SIGIL.root().getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
                .isEqualTo(DeletionTaskStatusType.IN_PROGRESS);
        assertThat(SIGIL.root().getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
                .isEqualTo(DeletionTaskStatusType.SUCCEEDED);
        assertThatThrownBy(() -> SIGIL.root().getRole(r -> r.roleName("AWSServiceRoleForECS")))
                .isInstanceOf(NoSuchEntityException.class);
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com"));
    }

    @Test
    void deletionStatusOfAnUnknownTask_isNoSuchEntity_andOfAMalformedId_isInvalidInput() {
        assertThatThrownBy(() -> SIGIL.root().getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(
                "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId("bogus")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void deleteServiceLinkedRole_ofACustomerRole_isNoSuchEntity() {
        SIGIL.root().createRole(r -> r.roleName("Customer").assumeRolePolicyDocument(EC2_TRUST));
        assertThatThrownBy(() -> SIGIL.root().deleteServiceLinkedRole(r -> r.roleName("Customer")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().deleteServiceLinkedRole(r -> r.roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void serviceOutsideTheCatalogue_getsAwsServiceRoleForItsFirstLabel_andNonPrincipalsAreInvalidInput() {
        Role role = SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("my-new-service.amazonaws.com")).role();
        assertThat(role.roleName()).isEqualTo("AWSServiceRoleForMyNewService");
        assertThatThrownBy(() -> SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("example.com")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void serviceLinkedRole_hasItsServicesManagedPolicy_whichTheCustomerCannotDetach_H87() {
        String name = "AWSServiceRoleForAutoScaling";
        String policy = "arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy";
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com")
                .customSuffix("managed"));
        String suffixed = name + "_managed";
        assertThat(SIGIL.root().listAttachedRolePolicies(r -> r.roleName(suffixed)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(policy);
        String protectedRole = "Cannot perform the operation on the protected role '" + suffixed
                + "' - this role is only modifiable by AWS";
        assertThatThrownBy(() -> SIGIL.root().detachRolePolicy(r -> r.roleName(suffixed).policyArn(policy)))
                .isInstanceOf(UnmodifiableEntityException.class).hasMessageContaining(protectedRole);
        assertThatThrownBy(() -> SIGIL.root().attachRolePolicy(r -> r.roleName(suffixed)
                .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")))
                .isInstanceOf(UnmodifiableEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().putRolePermissionsBoundary(r -> r.roleName(suffixed)
                .permissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess")))
                .isInstanceOf(UnmodifiableEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().deleteRolePermissionsBoundary(r -> r.roleName(suffixed)))
                .isInstanceOf(UnmodifiableEntityException.class);
        // The service's policy is not the customer's to attach elsewhere: PolicyNotAttachable.
        SIGIL.root().createRole(r -> r.roleName("Wannabe").assumeRolePolicyDocument(EC2_TRUST));
        assertThatThrownBy(() -> SIGIL.root().attachRolePolicy(r -> r.roleName("Wannabe").policyArn(policy)))
                .isInstanceOf(PolicyNotAttachableException.class);
        String task = SIGIL.root().deleteServiceLinkedRole(r -> r.roleName(suffixed)).deletionTaskId();
        assertThat(task).contains("/" + suffixed + "/");
        assertThatThrownBy(() -> SIGIL.root().getRole(r -> r.roleName(suffixed)))
                .isInstanceOf(NoSuchEntityException.class);
    }
}
