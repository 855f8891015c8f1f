package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.testing.SigilTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The documented errors of role and instance profile operations not covered by the area tests, each as the AWS
 * SDK's typed exception (IAM API Reference, the Errors section of each action).
 */
class RoleErrorsIntegrationTest {

    private static SigilTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = SigilTestServer.start();
        iam = server.rootIam();
        iam.createRole(r -> r.roleName("Existing").assumeRolePolicyDocument(EC2_TRUST));
        iam.createInstanceProfile(r -> r.instanceProfileName("ExistingIp"));
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
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
    void duplicateTagKeysInAnyCase_areInvalidInput_onEveryTaggingOperation() {
        String message = "Duplicate tag keys found. Please note that Tag keys are case insensitive.";
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("Dup").assumeRolePolicyDocument(EC2_TRUST)
                .tags(tag("a"), tag("A")))).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> iam.tagRole(r -> r.roleName("Existing").tags(tag("b"), tag("B"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> iam.createInstanceProfile(r -> r.instanceProfileName("Dup").tags(tag("a"), tag("A"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> iam.tagInstanceProfile(r -> r.instanceProfileName("ExistingIp")
                .tags(tag("c"), tag("C")))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reservedAwsTagPrefix_isInvalidInput() {
        assertThatThrownBy(() -> iam.tagRole(r -> r.roleName("Existing").tags(tag("aws:cost"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> iam.createInstanceProfile(r -> r.instanceProfileName("Reserved")
                .tags(tag("AWS:x")))).isInstanceOf(InvalidInputException.class);
    }

    /** 51 tags in one request break the model's list bound (ValidationError); 51 in all is the quota's. */
    @Test
    void fiftyOneTagsOnAnInstanceProfile_isLimitExceeded_orAValidationErrorInOneRequest() {
        assertThatThrownBy(() -> iam.createInstanceProfile(r -> r.instanceProfileName("Many").tags(tags(51))))
                .isInstanceOf(IamException.class)
                .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationError"));
        iam.createInstanceProfile(r -> r.instanceProfileName("Fifty").tags(tags(50)));
        assertThatThrownBy(() -> iam.tagInstanceProfile(r -> r.instanceProfileName("Fifty").tags(tag("extra"))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for TagsPerInstanceProfile: 50");
    }

    @Test
    void unknownRoleOrProfile_isNoSuchEntity_forTheRemainingOperations() {
        assertThatThrownBy(() -> iam.updateRoleDescription(r -> r.roleName("Ghost").description("d")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name Ghost cannot be found.");
        assertThatThrownBy(() -> iam.untagRole(r -> r.roleName("Ghost").tagKeys("k")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.listRolePolicies(r -> r.roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.getRolePolicy(r -> r.roleName("Ghost").policyName("p")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.tagInstanceProfile(r -> r.instanceProfileName("Ghost").tags(tag("k"))))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("Instance Profile Ghost cannot be found.");
        assertThatThrownBy(() -> iam.untagInstanceProfile(r -> r.instanceProfileName("Ghost").tagKeys("k")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("Ghost")
                .roleName("Existing"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void badMarker_isInvalidInput() {
        assertThatThrownBy(() -> iam.listRoles(r -> r.marker("not-a-marker")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> iam.listInstanceProfiles(r -> r.marker("not-a-marker")))
                .isInstanceOf(InvalidInputException.class);
    }
}
