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
     * A role as CreateRole, CreateServiceLinkedRole and UpdateRoleDescription return it: the whole role without
     * RoleLastUsed (a new role was never used).
     */
    static software.amazon.awssdk.services.iam.model.Role created(Role r) {
        return role(r).toBuilder().roleLastUsed((RoleLastUsed) null).build();
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

    /** An instance profile with its role (listed form) and, when it has any, its tags. */
    static software.amazon.awssdk.services.iam.model.InstanceProfile instanceProfile(InstanceProfile p) {
        var b = software.amazon.awssdk.services.iam.model.InstanceProfile.builder().path(p.path())
                .instanceProfileName(p.name()).instanceProfileId(p.id()).arn(p.arn()).createDate(p.createDate())
                .roles(p.roles().stream().map(RoleModelMapper::listed).toList());
        if (!p.tags().isEmpty()) {
            b.tags(tags(p.tags()));
        }
        return b.build();
    }

    static List<software.amazon.awssdk.services.iam.model.Tag> tags(List<Tag> tags) {
        return IamModelMapper.tags(tags);
    }

    /** Tags of a request; an SDK list that was never set is empty. */
    static List<Tag> fromSdk(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
        return IamModelMapper.fromSdkTags(tags);
    }
}
