package io.sigil.server.api.iam;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.iam.service.UserInfo;
import io.sigil.iam.store.PageRequest;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;

/**
 * Domain records to and from the AWS SDK model (IAM API Reference, "Data Types": User, Group, Tag,
 * AttachedPermissionsBoundary). Unset optional members stay null so that the codec leaves them out, as IAM does.
 */
public final class IamModelMapper {

    private IamModelMapper() {
    }

    /**
     * The whole user, as GetUser, CreateUser and UpdateUser return it: {@code PermissionsBoundary} and {@code Tags}
     * only when the user has them.
     */
    public static software.amazon.awssdk.services.iam.model.User user(User u) {
        var b = listedUserBuilder(u);
        if (u.permissionsBoundaryArn() != null) {
            b.permissionsBoundary(boundary(u.permissionsBoundaryArn()));
        }
        if (!u.tags().isEmpty()) {
            b.tags(tags(u.tags()));
        }
        return b.build();
    }

    /**
     * A user in a list (ListUsers, GetGroup): "IAM resource-listing operations return a subset of the available
     * attributes for the resource. This operation does not return the following attributes, even though they are
     * an attribute of the returned object: PermissionsBoundary, Tags" (ListUsers).
     */
    public static software.amazon.awssdk.services.iam.model.User listedUser(User u) {
        return listedUserBuilder(u).build();
    }

    /** The root user as GetUser answers for it: account id as UserId, the root ARN, no name or path. */
    public static software.amazon.awssdk.services.iam.model.User root(UserInfo.Root root) {
        return software.amazon.awssdk.services.iam.model.User.builder().userId(root.accountId()).arn(root.arn())
                .createDate(root.createDate()).build();
    }

    public static software.amazon.awssdk.services.iam.model.User userInfo(UserInfo info) {
        if (info instanceof UserInfo.Root root) {
            return root(root);
        }
        return user(((UserInfo.Iam) info).user());
    }

    public static software.amazon.awssdk.services.iam.model.Group group(Group g) {
        return software.amazon.awssdk.services.iam.model.Group.builder().path(g.path()).groupName(g.name())
                .groupId(g.id()).arn(g.arn()).createDate(g.createDate()).build();
    }

    public static List<software.amazon.awssdk.services.iam.model.Tag> tags(List<Tag> tags) {
        return tags.stream().map(t -> software.amazon.awssdk.services.iam.model.Tag.builder().key(t.key())
                .value(t.value()).build()).toList();
    }

    /** Tags of a request; an SDK list that was never set is empty. */
    public static List<Tag> fromSdkTags(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
        return tags == null ? List.of() : tags.stream().map(t -> new Tag(t.key(), t.value())).toList();
    }

    /**
     * The paging members of a List* request: {@code PathPrefix} defaults to {@code /}, {@code MaxItems} to 100
     * ("If you do not include this parameter, the number of items defaults to 100.").
     */
    public static PageRequest page(String pathPrefix, String marker, Integer maxItems) {
        return new PageRequest(pathPrefix, marker, maxItems == null ? PageRequest.DEFAULT_MAX_ITEMS : maxItems);
    }

    private static software.amazon.awssdk.services.iam.model.User.Builder listedUserBuilder(User u) {
        return software.amazon.awssdk.services.iam.model.User.builder().path(u.path()).userName(u.name())
                .userId(u.id()).arn(u.arn()).createDate(u.createDate()).passwordLastUsed(u.passwordLastUsed());
    }

    /**
     * PermissionsBoundaryType as AWS answers it: "Policy", not the model's enum value PermissionsBoundaryPolicy
     * (GetRole "returns "PermissionsBoundaryType": "Policy"", awsdocs/iam-user-guide#82, which the IAM documentation
     * team confirmed; real GetRole outputs in boto/boto3#1623 and iann0036/former2#96).
     */
    private static final String BOUNDARY_TYPE = "Policy";

    /** A user's or role's PermissionsBoundary member. */
    static AttachedPermissionsBoundary boundary(String arn) {
        return AttachedPermissionsBoundary.builder().permissionsBoundaryType(BOUNDARY_TYPE)
                .permissionsBoundaryArn(arn).build();
    }
}
