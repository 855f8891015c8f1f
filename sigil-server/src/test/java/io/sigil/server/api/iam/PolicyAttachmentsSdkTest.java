package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.PolicyTestSupport.READ_ONLY;
import static io.sigil.server.api.iam.PolicyTestSupport.VIEW_ONLY;
import static io.sigil.server.api.iam.PolicyTestSupport.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyNotAttachableException;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/**
 * Attach/Detach{User,Group,Role}Policy, ListAttached{User,Group,Role}Policies and ListEntitiesForPolicy through the
 * AWS SDK for Java v2, as the root user, with AWS managed and customer managed policies.
 */
class PolicyAttachmentsSdkTest {

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
    void awsManagedPolicies_attachToAUser_listByName_andCountInGetPolicy() {
        iam.createUser(b -> b.userName("att-ann"));
        int before = iam.getPolicy(b -> b.policyArn(VIEW_ONLY)).policy().attachmentCount();
        iam.attachUserPolicy(b -> b.userName("att-ann").policyArn(VIEW_ONLY));
        iam.attachUserPolicy(b -> b.userName("att-ann").policyArn(READ_ONLY));
        iam.attachUserPolicy(b -> b.userName("att-ann").policyArn(READ_ONLY));
        assertThat(iam.listAttachedUserPolicies(b -> b.userName("att-ann")).attachedPolicies())
                .extracting(AttachedPolicy::policyName, AttachedPolicy::policyArn).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ReadOnlyAccess", READ_ONLY),
                        org.assertj.core.groups.Tuple.tuple("ViewOnlyAccess", VIEW_ONLY));
        assertThat(iam.listAttachedUserPolicies(b -> b.userName("att-ann").pathPrefix("/job-function/"))
                .attachedPolicies()).extracting(AttachedPolicy::policyArn).containsExactly(VIEW_ONLY);
        assertThat(iam.getPolicy(b -> b.policyArn(VIEW_ONLY)).policy().attachmentCount()).isEqualTo(before + 1);
        List<String> attached = new ArrayList<>();
        iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS).onlyAttached(true)).policies()
                .forEach(p -> attached.add(p.arn()));
        assertThat(attached).contains(READ_ONLY, VIEW_ONLY);
        awsError(() -> iam.deleteUser(b -> b.userName("att-ann")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must detach all policies first.");
        iam.detachUserPolicy(b -> b.userName("att-ann").policyArn(READ_ONLY));
        iam.detachUserPolicy(b -> b.userName("att-ann").policyArn(VIEW_ONLY));
        awsError(() -> iam.detachUserPolicy(b -> b.userName("att-ann").policyArn(READ_ONLY)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "Policy " + READ_ONLY + " was not found.");
        iam.deleteUser(b -> b.userName("att-ann"));
    }

    @Test
    void aCustomerPolicy_attachesToGroupsAndRoles_andListEntitiesForPolicyFindsThemAll() {
        Policy p = iam.createPolicy(b -> b.policyName("att-shared").policyDocument(allow("s3:*"))).policy();
        iam.createUser(b -> b.userName("att-bob"));
        iam.createGroup(b -> b.groupName("att-devs"));
        PolicyTestSupport.role(server, "att-ops");
        iam.attachUserPolicy(b -> b.userName("att-bob").policyArn(p.arn()));
        iam.attachGroupPolicy(b -> b.groupName("att-devs").policyArn(p.arn()));
        iam.attachRolePolicy(b -> b.roleName("att-ops").policyArn(p.arn()));
        assertThat(iam.getPolicy(b -> b.policyArn(p.arn())).policy().attachmentCount()).isEqualTo(3);
        assertThat(iam.listAttachedGroupPolicies(b -> b.groupName("att-devs")).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactly("att-shared");
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName("att-ops")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(p.arn());

        ListEntitiesForPolicyResponse all = iam.listEntitiesForPolicy(b -> b.policyArn(p.arn()));
        assertThat(all.policyUsers()).extracting(PolicyUser::userName).containsExactly("att-bob");
        assertThat(all.policyUsers().get(0).userId()).startsWith("AIDA");
        assertThat(all.policyGroups()).extracting(PolicyGroup::groupName).containsExactly("att-devs");
        assertThat(all.policyRoles()).extracting(PolicyRole::roleName).containsExactly("att-ops");
        ListEntitiesForPolicyResponse roles = iam.listEntitiesForPolicy(b -> b.policyArn(p.arn())
                .entityFilter(EntityType.ROLE));
        assertThat(roles.policyUsers()).isEmpty();
        assertThat(roles.policyRoles()).hasSize(1);
        ListEntitiesForPolicyResponse page1 = iam.listEntitiesForPolicy(b -> b.policyArn(p.arn()).maxItems(2));
        assertThat(page1.isTruncated()).isTrue();
        ListEntitiesForPolicyResponse page2 = iam.listEntitiesForPolicy(b -> b.policyArn(p.arn()).maxItems(2)
                .marker(page1.marker()));
        assertThat(page2.isTruncated()).isFalse();
        assertThat(page2.policyRoles()).hasSize(1);

        awsError(() -> iam.deletePolicy(b -> b.policyArn(p.arn())), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete a policy attached to entities.");
        awsError(() -> iam.deleteGroup(b -> b.groupName("att-devs")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must detach all policies first.");
    }

    @Test
    void aPolicyArnThatIsNoArn_isValidationError_asAwsAnswersIt() {
        // LocalStack's AWS-validated snapshot test_iam_roles::test_role_managed_policy_errors
        iam.createUser(b -> b.userName("att-noarn"));
        for (String notAnArn : new String[] {"longpolicynamebutnoarn", "arn:aws:iam:policy-without-parts"}) {
            awsError(() -> iam.attachUserPolicy(b -> b.userName("att-noarn").policyArn(notAnArn)),
                    IamException.class, 400, "ValidationError", "ARN " + notAnArn + " is not valid.");
        }
    }

    @Test
    void unknownPolicies_unknownEntities_andServiceRolePolicies_areRefusedWithTypedErrors() {
        iam.createUser(b -> b.userName("att-cy"));
        String missing = "arn:aws:iam::aws:policy/NoSuchPolicyAnywhere";
        awsError(() -> iam.attachUserPolicy(b -> b.userName("att-cy").policyArn(missing)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "Policy " + missing
                        + " does not exist or is not attachable.");
        awsError(() -> iam.attachUserPolicy(b -> b.userName("att-nobody").policyArn(READ_ONLY)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The user with name att-nobody cannot be found.");
        String slr = "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy";
        assertThat(iam.getPolicy(b -> b.policyArn(slr)).policy().path()).isEqualTo("/aws-service-role/");
        awsError(() -> iam.attachUserPolicy(b -> b.userName("att-cy").policyArn(slr)),
                PolicyNotAttachableException.class, 400, "PolicyNotAttachable",
                "Cannot attach a Service Role Policy to a Customer Role.");
        awsError(() -> iam.listAttachedRolePolicies(b -> b.roleName("att-nobody")), NoSuchEntityException.class,
                404, "NoSuchEntity", "The role with name att-nobody cannot be found.");
    }

    /** Spec §10 H77: the eleventh managed policy attachment fails. */
    @Test
    void theEleventhManagedPolicy_isLimitExceeded_andListAttachedPagesWithSmallMaxItems() {
        iam.createUser(b -> b.userName("att-full"));
        List<String> arns = new ArrayList<>();
        iam.listPolicies(b -> b.scope(PolicyScopeType.AWS).maxItems(40)).policies().stream()
                .map(Policy::arn).filter(a -> !a.contains("/aws-service-role/")).limit(11).forEach(arns::add);
        assertThat(arns).hasSize(11);
        for (int i = 0; i < 10; i++) {
            String arn = arns.get(i);
            iam.attachUserPolicy(b -> b.userName("att-full").policyArn(arn));
        }
        awsError(() -> iam.attachUserPolicy(b -> b.userName("att-full").policyArn(arns.get(10))),
                LimitExceededException.class, 409, "LimitExceeded", "Cannot exceed quota for PoliciesPerUser: 10");
        List<String> listed = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListAttachedUserPoliciesResponse r = iam.listAttachedUserPolicies(b -> b.userName("att-full").maxItems(3)
                    .marker(m));
            r.attachedPolicies().forEach(a -> listed.add(a.policyArn()));
            marker = r.isTruncated() ? r.marker() : null;
        } while (marker != null);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(arns.subList(0, 10));
    }
}
