package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** The instance profile operations through the AWS SDK (IAM API Reference; spec §1.5, §10 H77). */
class InstanceProfilesIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void createInstanceProfile_hasAnAipaIdAndArn_andGetShowsItsRole() {
        InstanceProfile created = SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("WebServer")
                .path("/web/")
                .tags(Tag.builder().key("tier").value("web").build())).instanceProfile();
        assertThat(created.instanceProfileId()).matches("AIPA[A-Z2-7]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                + ":instance-profile/web/WebServer");
        assertThat(created.roles()).isEmpty();
        assertThat(created.tags()).extracting(Tag::key).containsExactly("tier");
        SIGIL.root().createRole(r -> r.roleName("WebRole").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("webserver").roleName("webrole"));
        InstanceProfile got = SIGIL.root().getInstanceProfile(r -> r.instanceProfileName("WebServer"))
                .instanceProfile();
        assertThat(got.roles()).extracting(Role::roleName).containsExactly("WebRole");
        assertThat(got.createDate()).isEqualTo(created.createDate());
        assertThat(RoleFixtures.decode(got.roles().get(0).assumeRolePolicyDocument())).isEqualTo(EC2_TRUST);
    }

    @Test
    void getInstanceProfile_answersAsAws_anEmptyTagsElement_andItsRolesWithoutDescriptionOrSessionDuration() {
        // LocalStack's AWS-validated snapshots (test_iam_instance_profiles): "Tags": [] for a profile without tags;
        // the roles inside a profile carry neither Description nor MaxSessionDuration.
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Bare"));
        SIGIL.root().createRole(r -> r.roleName("BareRole").assumeRolePolicyDocument(EC2_TRUST)
                .description("described").maxSessionDuration(7200));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("Bare").roleName("BareRole"));

        InstanceProfile got = SIGIL.root().getInstanceProfile(r -> r.instanceProfileName("Bare")).instanceProfile();
        assertThat(got.hasTags()).isTrue();
        assertThat(got.tags()).isEmpty();
        Role inside = got.roles().get(0);
        assertThat(inside.roleName()).isEqualTo("BareRole");
        assertThat(inside.description()).isNull();
        assertThat(inside.maxSessionDuration()).isNull();
        assertThat(SIGIL.root().listInstanceProfiles().instanceProfiles().stream()
                .filter(p -> p.instanceProfileName().equals("Bare")).findFirst().orElseThrow().hasTags()).isFalse();
    }

    @Test
    void profileNames_areUniqueCaseInsensitively_andUnknownOnesAreNoSuchEntity() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Dup"));
        assertThatThrownBy(() -> SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("DUP")))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageContaining("Instance Profile DUP already exists.");
        assertThatThrownBy(() -> SIGIL.root().getInstanceProfile(r -> r.instanceProfileName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("Instance Profile Ghost cannot be found.");
        assertThatThrownBy(() -> SIGIL.root().deleteInstanceProfile(r -> r.instanceProfileName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void secondRoleInAnInstanceProfile_isLimitExceeded_H77() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("OneRole"));
        SIGIL.root().createRole(r -> r.roleName("First").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().createRole(r -> r.roleName("Second").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("OneRole").roleName("First"));
        assertThatThrownBy(() -> SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("OneRole")
                .roleName("Second")))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        assertThatThrownBy(() -> SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("OneRole")
                .roleName("First")))
                .isInstanceOf(LimitExceededException.class);
        SIGIL.root().removeRoleFromInstanceProfile(r -> r.instanceProfileName("OneRole").roleName("First"));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("OneRole").roleName("Second"));
    }

    @Test
    void addAndRemoveRole_withUnknownRoleOrRoleNotInProfile_isNoSuchEntity() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Lonely"));
        SIGIL.root().createRole(r -> r.roleName("Outsider").assumeRolePolicyDocument(EC2_TRUST));
        assertThatThrownBy(() -> SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("Lonely")
                .roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name Ghost cannot be found.");
        assertThatThrownBy(() -> SIGIL.root().removeRoleFromInstanceProfile(r -> r.instanceProfileName("Lonely")
                .roleName("Outsider"))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("Ghost")
                .roleName("Outsider")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("Instance Profile Ghost cannot be found.");
    }

    @Test
    void deleteInstanceProfile_withARole_isDeleteConflict() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Busy"));
        SIGIL.root().createRole(r -> r.roleName("BusyRole").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("Busy").roleName("BusyRole"));
        assertThatThrownBy(() -> SIGIL.root().deleteInstanceProfile(r -> r.instanceProfileName("Busy")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete entity, must remove roles from instance profile first.");
        SIGIL.root().removeRoleFromInstanceProfile(r -> r.instanceProfileName("Busy").roleName("BusyRole"));
        SIGIL.root().deleteInstanceProfile(r -> r.instanceProfileName("Busy"));
        assertThatThrownBy(() -> SIGIL.root().getInstanceProfile(r -> r.instanceProfileName("Busy")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void listInstanceProfiles_pagesByPathPrefix_withoutTags() {
        for (String n : List.of("IpC", "IpA", "IpB")) {
            SIGIL.root().createInstanceProfile(r -> r.instanceProfileName(n).path("/paged/")
                    .tags(Tag.builder().key("k").value("v").build()));
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListInstanceProfilesResponse page = SIGIL.root().listInstanceProfiles(r -> r.pathPrefix("/paged/")
                    .maxItems(2)
                    .marker(m));
            page.instanceProfiles().forEach(p -> assertThat(p.tags()).isEmpty());
            page.instanceProfiles().forEach(p -> names.add(p.instanceProfileName()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(names).containsExactly("IpA", "IpB", "IpC");
    }

    @Test
    void listInstanceProfilesForRole_pagesTheProfilesHoldingTheRole() {
        SIGIL.root().createRole(r -> r.roleName("Shared").assumeRolePolicyDocument(EC2_TRUST));
        for (String n : List.of("ForB", "ForA", "ForC")) {
            SIGIL.root().createInstanceProfile(r -> r.instanceProfileName(n));
            SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName(n).roleName("Shared"));
        }
        var first = SIGIL.root().listInstanceProfilesForRole(r -> r.roleName("shared").maxItems(2));
        assertThat(first.instanceProfiles()).extracting(InstanceProfile::instanceProfileName)
                .containsExactly("ForA", "ForB");
        assertThat(first.isTruncated()).isTrue();
        var rest = SIGIL.root().listInstanceProfilesForRole(r -> r.roleName("Shared").marker(first.marker()));
        assertThat(rest.instanceProfiles()).extracting(InstanceProfile::instanceProfileName).containsExactly("ForC");
        assertThat(rest.isTruncated()).isFalse();
        assertThatThrownBy(() -> SIGIL.root().listInstanceProfilesForRole(r -> r.roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void instanceProfileTags_areTaggedUntaggedAndListed() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("TagMe"));
        SIGIL.root().tagInstanceProfile(r -> r.instanceProfileName("TagMe").tags(Tag.builder().key("b").value("2")
                .build(),
                Tag.builder().key("A").value("1").build()));
        var page = SIGIL.root().listInstanceProfileTags(r -> r.instanceProfileName("TagMe").maxItems(1));
        assertThat(page.tags()).extracting(Tag::key).containsExactly("A");
        assertThat(page.isTruncated()).isTrue();
        // Keys of instance profiles are case sensitive (IAM User Guide, "Tagging IAM resources").
        SIGIL.root().untagInstanceProfile(r -> r.instanceProfileName("TagMe").tagKeys("a"));
        assertThat(SIGIL.root().listInstanceProfileTags(r -> r.instanceProfileName("TagMe")).tags())
                .extracting(Tag::key)
                .containsExactly("A", "b");
        SIGIL.root().untagInstanceProfile(r -> r.instanceProfileName("TagMe").tagKeys("A"));
        assertThat(SIGIL.root().listInstanceProfileTags(r -> r.instanceProfileName("TagMe")).tags())
                .extracting(Tag::key)
                .containsExactly("b");
        assertThatThrownBy(() -> SIGIL.root().listInstanceProfileTags(r -> r.instanceProfileName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
    }
}
