package io.sigil.iam.service;

import static io.sigil.iam.service.PolicyServiceFixture.ACCOUNT;
import static io.sigil.iam.service.PolicyServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.PolicyServiceFixture.READ_ONLY;
import static io.sigil.iam.service.PolicyServiceFixture.VIEW_ONLY;
import static io.sigil.iam.service.PolicyServiceFixture.allow;
import static io.sigil.iam.service.PolicyServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attach/Detach{User,Group,Role}Policy and ListAttached{User,Group,Role}Policies on SQLite. */
class PolicyAttachmentServiceTest {

    @TempDir
    Path dir;
    private PolicyServiceFixture f;
    private PolicyAttachmentService attachments;

    @BeforeEach
    void setUp() {
        f = new PolicyServiceFixture(dir, Limits.AWS_DEFAULTS);
        attachments = f.attachments();
        f.createUser("ann");
        f.createGroup("devs");
        f.createRole("ops");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void awsAndOwnPolicies_attachToUsersGroupsAndRoles_andListByName() {
        String mine = f.createPolicy("Zeta", "/team/").policy().arn();
        attachments.attach(ACCOUNT, PolicyOwnerKind.USER, "ann", mine);
        attachments.attach(ACCOUNT, PolicyOwnerKind.USER, "ann", VIEW_ONLY);
        attachments.attach(ACCOUNT, PolicyOwnerKind.USER, "ann", READ_ONLY);
        attachments.attach(ACCOUNT, PolicyOwnerKind.GROUP, "devs", READ_ONLY);
        attachments.attach(ACCOUNT, PolicyOwnerKind.ROLE, "ops", mine);
        assertThat(attachments.listAttached(ACCOUNT, PolicyOwnerKind.USER, "ann", PageRequest.first()).items())
                .extracting(AttachedPolicy::policyName).containsExactly("ReadOnlyAccess", "ViewOnlyAccess", "Zeta");
        assertThat(attachments.listAttached(ACCOUNT, PolicyOwnerKind.USER, "ann",
                new PageRequest("/job-function/", null, 100)).items()).extracting(AttachedPolicy::policyArn)
                .containsExactly(VIEW_ONLY);
        assertThat(attachments.listAttached(ACCOUNT, PolicyOwnerKind.ROLE, "ops", PageRequest.first()).items())
                .extracting(AttachedPolicy::policyArn).containsExactly(mine);
        Page<AttachedPolicy> first = attachments.listAttached(ACCOUNT, PolicyOwnerKind.USER, "ann",
                PageRequest.of(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(attachments.listAttached(ACCOUNT, PolicyOwnerKind.USER, "ann",
                PageRequest.of(2).after(first.nextMarker())).items()).extracting(AttachedPolicy::policyName)
                .containsExactly("Zeta");
    }

    @Test
    void aPolicyThatDoesNotExist_orIsAnotherAccounts_isNotAttachable() {
        String theirs = f.policies().createPolicy(OTHER_ACCOUNT, "Theirs", "/", allow("s3:*"), null, List.of())
                .policy().arn();
        for (String arn : List.of(theirs, "arn:aws:iam::aws:policy/NoSuchPolicy",
                "arn:aws:iam::123456789012:policy/Nope")) {
            assertIamError(() -> attachments.attach(ACCOUNT, PolicyOwnerKind.USER, "ann", arn), "NoSuchEntity",
                    "Policy " + arn + " does not exist or is not attachable.");
        }
    }

    /** Spec §10 H87: service-linked role policies are for their service's role only. */
    @Test
    void aServiceLinkedRolePolicy_isPolicyNotAttachable() {
        String slr = AwsManagedPolicies.catalogue().all().stream().map(AwsManagedPolicies.Entry::arn)
                .filter(a -> a.startsWith("arn:aws:iam::aws:policy/aws-service-role/")).findFirst().orElseThrow();
        assertIamError(() -> attachments.attach(ACCOUNT, PolicyOwnerKind.ROLE, "ops", slr), "PolicyNotAttachable",
                "Cannot attach a Service Role Policy to a Customer Role.");
    }

    /** Quota "Managed policies attached to an IAM user / group / role: 10", at limit−1, limit and limit+1. */
    @Test
    void managedPoliciesPerEntity_nineAndTenAttach_theEleventhIsLimitExceeded() {
        List<String> arns = AwsManagedPolicies.catalogue().all().stream().map(AwsManagedPolicies.Entry::arn)
                .filter(a -> !a.contains("/aws-service-role/")).limit(11).toList();
        for (PolicyOwnerKind kind : PolicyOwnerKind.values()) {
            String name = kind == PolicyOwnerKind.USER ? "ann" : kind == PolicyOwnerKind.GROUP ? "devs" : "ops";
            for (int i = 0; i < 10; i++) {
                attachments.attach(ACCOUNT, kind, name, arns.get(i));
            }
            attachments.attach(ACCOUNT, kind, name, arns.get(3));
            String quota = switch (kind) {
                case USER -> "PoliciesPerUser";
                case GROUP -> "PoliciesPerGroup";
                case ROLE -> "PoliciesPerRole";
            };
            assertIamError(() -> attachments.attach(ACCOUNT, kind, name, arns.get(10)), "LimitExceeded",
                    "Cannot exceed quota for " + quota + ": 10");
        }
    }

    @Test
    void detachingWhatIsNotAttached_isNoSuchEntity_andAMissingEntityIsNamed() {
        attachments.attach(ACCOUNT, PolicyOwnerKind.USER, "ann", READ_ONLY);
        attachments.detach(ACCOUNT, PolicyOwnerKind.USER, "ann", READ_ONLY);
        assertIamError(() -> attachments.detach(ACCOUNT, PolicyOwnerKind.USER, "ann", READ_ONLY), "NoSuchEntity",
                "Policy " + READ_ONLY + " was not found.");
        assertIamError(() -> attachments.attach(ACCOUNT, PolicyOwnerKind.USER, "nobody", READ_ONLY),
                "NoSuchEntity", "The user with name nobody cannot be found.");
        assertIamError(() -> attachments.listAttached(ACCOUNT, PolicyOwnerKind.ROLE, "nobody", PageRequest.first()),
                "NoSuchEntity", "The role with name nobody cannot be found.");
    }
}
