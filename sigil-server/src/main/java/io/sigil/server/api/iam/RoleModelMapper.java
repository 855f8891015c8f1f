package io.sigil.server.api.iam;

import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import java.util.List;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;

/**
 * Roles and instance profiles to the AWS SDK model (IAM API Reference, "Data Types": Role, RoleLastUsed,
 * InstanceProfile, Tag). Unset optional members stay null so that the codec leaves them out, as IAM does; trust
 * policies go out URL-encoded as IAM sends them.
 */
final class RoleModelMapper {

    private RoleModelMapper() {
    }

    /** The whole role, as GetRole returns it: boundary, tags and RoleLastUsed included. */
    static software.amazon.awssdk.services.iam.model.Role role(Role r) {
        var b = listed(r).toBuilder();
        if (r.permissionsBoundaryArn() != null) {
            b.permissionsBoundary(IamModelMapper.boundary(r.permissionsBoundaryArn()));
        }
        if (!r.tags().isEmpty()) {
            b.tags(tags(r.tags()));
        }
        // "RoleLastUsed: ... This field is null if the role has not been used within the IAM tracking period";
        // IAM still sends the element, empty.
        b.roleLastUsed(RoleLastUsed.builder().lastUsedDate(r.lastUsed()).region(r.lastUsedRegion()).build());
        return b.build();
    }

    /**
     * A role as CreateRole returns it: without RoleLastUsed (a new role was never used),
     * and without Description and MaxSessionDuration, which AWS's answer leaves out even when the request set them
     * (AWS's responses as recorded in LocalStack's AWS-validated snapshots, tests/aws/services/iam/test_iam_roles:
     * test_create_role_defaults, test_role_permissions_boundary_lifecycle; the CLI reference's create-role example
     * output has neither). GetRole and ListRoles show both.
     */
    static software.amazon.awssdk.services.iam.model.Role created(Role r) {
        return role(r).toBuilder().roleLastUsed((RoleLastUsed) null).description(null)
                .maxSessionDuration(null).build();
    }

    /**
     * A role as CreateServiceLinkedRole returns it: the whole role without RoleLastUsed. Whether AWS leaves out
     * Description and MaxSessionDuration here as it does for CreateRole is unverified (no recorded answer), so the
     * role is shown whole.
     */
    static software.amazon.awssdk.services.iam.model.Role createdServiceLinked(Role r) {
        return role(r).toBuilder().roleLastUsed((RoleLastUsed) null).build();
    }

    /**
     * A role as UpdateRoleDescription returns it: with its new Description, without RoleLastUsed and
     * MaxSessionDuration (the same snapshots, test_update_role).
     */
    static software.amazon.awssdk.services.iam.model.Role described(Role r) {
        return role(r).toBuilder().roleLastUsed((RoleLastUsed) null).maxSessionDuration(null).build();
    }

    /**
     * A role inside an instance profile (GetInstanceProfile, ListInstanceProfiles, ListInstanceProfilesForRole,
     * GetAccountAuthorizationDetails): the listed form without Description and MaxSessionDuration, as AWS answers
     * (the same snapshots, test_iam_instance_profiles and test_iam_account_authorization_details).
     */
    static software.amazon.awssdk.services.iam.model.Role inProfile(Role r) {
        return listed(r).toBuilder().description(null).maxSessionDuration(null).build();
    }

    /**
     * A role in a list (ListRoles, instance profiles): "This operation does not return the following attributes,
     * even though they are an attribute of the returned object: PermissionsBoundary, RoleLastUsed, Tags" (ListRoles).
     */
    static software.amazon.awssdk.services.iam.model.Role listed(Role r) {
        return software.amazon.awssdk.services.iam.model.Role.builder().path(r.path()).roleName(r.name())
                .roleId(r.id()).arn(r.arn()).createDate(r.createDate())
                .assumeRolePolicyDocument(PolicyDocumentEncoding.encode(r.assumeRolePolicyDocument()))
                .description(r.description()).maxSessionDuration(r.maxSessionDuration()).build();
    }

    /** An instance profile with its roles ({@link #inProfile}) and, when it has any, its tags. */
    static software.amazon.awssdk.services.iam.model.InstanceProfile instanceProfile(InstanceProfile p) {
        var b = software.amazon.awssdk.services.iam.model.InstanceProfile.builder().path(p.path())
                .instanceProfileName(p.name()).instanceProfileId(p.id()).arn(p.arn()).createDate(p.createDate())
                .roles(p.roles().stream().map(RoleModelMapper::inProfile).toList());
        if (!p.tags().isEmpty()) {
            b.tags(tags(p.tags()));
        }
        return b.build();
    }

    /**
     * An instance profile as GetInstanceProfile returns it: like {@link #instanceProfile}, with an empty Tags
     * element when it has no tags (AWS's "Tags": [] in the same snapshots, test_instance_profile_lifecycle).
     */
    static software.amazon.awssdk.services.iam.model.InstanceProfile fetchedInstanceProfile(InstanceProfile p) {
        return instanceProfile(p).toBuilder().tags(tags(p.tags())).build();
    }

    static List<software.amazon.awssdk.services.iam.model.Tag> tags(List<Tag> tags) {
        return IamModelMapper.tags(tags);
    }

    /** Tags of a request; an SDK list that was never set is empty. */
    static List<Tag> fromSdk(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
        return IamModelMapper.fromSdkTags(tags);
    }
}
