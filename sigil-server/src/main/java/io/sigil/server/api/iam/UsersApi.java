package io.sigil.server.api.iam;

import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.iam.service.UserInfo;
import io.sigil.iam.service.UserService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;

/**
 * The Users area: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser, TagUser, UntagUser, ListUserTags
 * (IAM API Reference). Every operation acts in the caller's account.
 */
public final class UsersApi implements ApiModule {

    private final UserService users;

    public UsersApi(UserService users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateUserRequest.class, this::createUser)
                .on(GetUserRequest.class, this::getUser)
                .on(ListUsersRequest.class, this::listUsers)
                .on(UpdateUserRequest.class, this::updateUser)
                .on(DeleteUserRequest.class, this::deleteUser)
                .on(TagUserRequest.class, this::tagUser)
                .on(UntagUserRequest.class, this::untagUser)
                .on(ListUserTagsRequest.class, this::listUserTags);
    }

    CreateUserResponse createUser(CreateUserRequest r, CallContext call) {
        User user = users.createUser(call.accountId(), r.userName(), r.path(), r.permissionsBoundary(),
                IamModelMapper.fromSdkTags(r.tags()));
        return CreateUserResponse.builder().user(IamModelMapper.user(user)).build();
    }

    /**
     * Without {@code UserName}, the caller: its own user, or the root user's account-level answer. With it, the user
     * as authorisation read it in this request when it did (the same query would only be run again), else read now.
     */
    GetUserResponse getUser(GetUserRequest r, CallContext call) {
        User named = call.namedUser();
        UserInfo info = named != null && r.userName() != null && named.name().equalsIgnoreCase(r.userName())
                && named.accountId().equals(call.accountId())
                ? new UserInfo.Iam(named) : users.getUser(call.principal(), r.userName());
        return GetUserResponse.builder().user(IamModelMapper.userInfo(info)).build();
    }

    ListUsersResponse listUsers(ListUsersRequest r, CallContext call) {
        Page<User> page = users.listUsers(call.accountId(),
                IamModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
        return ListUsersResponse.builder().users(page.items().stream().map(IamModelMapper::listedUser).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    UpdateUserResponse updateUser(UpdateUserRequest r, CallContext call) {
        users.updateUser(call.accountId(), r.userName(), r.newUserName(), r.newPath());
        return UpdateUserResponse.builder().build();
    }

    DeleteUserResponse deleteUser(DeleteUserRequest r, CallContext call) {
        users.deleteUser(call.accountId(), r.userName());
        return DeleteUserResponse.builder().build();
    }

    TagUserResponse tagUser(TagUserRequest r, CallContext call) {
        users.tagUser(call.accountId(), r.userName(), IamModelMapper.fromSdkTags(r.tags()));
        return TagUserResponse.builder().build();
    }

    UntagUserResponse untagUser(UntagUserRequest r, CallContext call) {
        users.untagUser(call.accountId(), r.userName(), r.tagKeys());
        return UntagUserResponse.builder().build();
    }

    /** "If no tags are attached to the specified resource, the response contains an empty list." */
    ListUserTagsResponse listUserTags(ListUserTagsRequest r, CallContext call) {
        Page<Tag> page = users.listUserTags(call.accountId(), r.userName(),
                IamModelMapper.page(null, r.marker(), r.maxItems()));
        return ListUserTagsResponse.builder().tags(IamModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }
}
