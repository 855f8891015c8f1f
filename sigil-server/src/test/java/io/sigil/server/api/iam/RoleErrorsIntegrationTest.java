package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.testing.ServerPerClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The documented errors of role and instance profile operations not covered by the area tests, each as the AWS
 * SDK's typed exception (IAM API Reference, the Errors section of each action).
 */
class RoleErrorsIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @BeforeAll
    static void start() {
        SIGIL.root().createRole(r -> r.roleName("Existing").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("ExistingIp"));
    }

    private static Tag tag(String key) {
        return Tag.builder().key(key).value("v").build();
    }

    private static List<Tag> tags(int n) {
        List<Tag> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(tag("k" + i));
        }
        return out;
    }

    @Test
    void duplicateTagKeys_areInvalidInput_inAnyCaseForRoles_exactlyForInstanceProfiles() {
        String message = "Duplicate tag keys found. Please note that Tag keys are case insensitive.";
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("Dup").assumeRolePolicyDocument(EC2_TRUST)
                .tags(tag("a"), tag("A")))).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> SIGIL.root().tagRole(r -> r.roleName("Existing").tags(tag("b"), tag("B"))))
                .isInstanceOf(InvalidInputException.class);
        // Instance profiles' keys are case sensitive (IAM User Guide, "Tagging IAM resources"): only one key twice is
        // a duplicate.
        assertThatThrownBy(() -> SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Dup").tags(tag("a"),
                tag("a"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Duplicate tag keys found.");
        assertThatThrownBy(() -> SIGIL.root().tagInstanceProfile(r -> r.instanceProfileName("ExistingIp")
                .tags(tag("c"), tag("c")))).isInstanceOf(InvalidInputException.class);
        SIGIL.root().tagInstanceProfile(r -> r.instanceProfileName("ExistingIp").tags(tag("c"), tag("C")));
        assertThat(SIGIL.root().listInstanceProfileTags(r -> r.instanceProfileName("ExistingIp")).tags())
                .hasSize(2);
    }

    @Test
    void reservedAwsTagPrefix_isInvalidInput() {
        assertThatThrownBy(() -> SIGIL.root().tagRole(r -> r.roleName("Existing").tags(tag("aws:cost"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Reserved")
                .tags(tag("AWS:x")))).isInstanceOf(InvalidInputException.class);
    }

    /** 51 tags in one request break the model's list bound (ValidationError); 51 in all is the quota's. */
    @Test
    void fiftyOneTagsOnAnInstanceProfile_isLimitExceeded_orAValidationErrorInOneRequest() {
        assertThatThrownBy(() -> SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Many").tags(tags(51))))
                .isInstanceOf(IamException.class)
                .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationError"));
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Fifty").tags(tags(50)));
        assertThatThrownBy(() -> SIGIL.root().tagInstanceProfile(r -> r.instanceProfileName("Fifty")
                .tags(tag("extra"))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for TagsPerInstanceProfile: 50");
    }

    @Test
    void unknownRoleOrProfile_isNoSuchEntity_forTheRemainingOperations() {
        assertThatThrownBy(() -> SIGIL.root().updateRoleDescription(r -> r.roleName("Ghost").description("d")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name Ghost cannot be found.");
        assertThatThrownBy(() -> SIGIL.root().untagRole(r -> r.roleName("Ghost").tagKeys("k")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().listRolePolicies(r -> r.roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().getRolePolicy(r -> r.roleName("Ghost").policyName("p")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().tagInstanceProfile(r -> r.instanceProfileName("Ghost").tags(tag("k"))))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("Instance Profile Ghost cannot be found.");
        assertThatThrownBy(() -> SIGIL.root().untagInstanceProfile(r -> r.instanceProfileName("Ghost").tagKeys("k")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().removeRoleFromInstanceProfile(r -> r.instanceProfileName("Ghost")
                .roleName("Existing"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void badMarker_isInvalidInput() {
        assertThatThrownBy(() -> SIGIL.root().listRoles(r -> r.marker("not-a-marker")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SIGIL.root().listInstanceProfiles(r -> r.marker("not-a-marker")))
                .isInstanceOf(InvalidInputException.class);
    }

    /**
     * UpdateAssumeRolePolicy and CreateRole with a bad trust policy, as AWS answered them in LocalStack's
     * AWS-validated snapshots (2026): MalformedPolicyDocument in IAM's words for trust policies, and the role's
     * trust policy unchanged.
     */
    @Test
    void aTrustPolicyThatIsNoJson_hasAnActionOutsideSts_orAResource_isMalformedInIamsWords() {
        String before = SIGIL.root().getRole(r -> r.roleName("Existing")).role().assumeRolePolicyDocument();
        String withAction = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"%s\"%s}]}";

        malformed(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Existing")
                .policyDocument("not valid json")), "This policy contains invalid Json");
        malformed(() -> SIGIL.root().createRole(r -> r.roleName("BadJson").assumeRolePolicyDocument(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",}]}")),
                "This policy contains invalid Json");
        malformed(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Existing")
                .policyDocument(withAction.formatted("sts:InvalidAction", ""))),
                "AssumeRole policy may only specify STS AssumeRole actions.");
        malformed(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Existing")
                .policyDocument(withAction.formatted("sts:AssumeRole",
                        ",\"Resource\":\"arn:aws:s3:::example_bucket\""))),
                "Has prohibited field Resource");

        assertThat(SIGIL.root().getRole(r -> r.roleName("Existing")).role().assumeRolePolicyDocument())
                .isEqualTo(before);
        assertThatThrownBy(() -> SIGIL.root().getRole(r -> r.roleName("BadJson")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    private static void malformed(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
