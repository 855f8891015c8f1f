package io.sigil.server.api.iam;

import io.sigil.iam.model.Group;
import io.sigil.iam.service.GroupMembers;
import io.sigil.iam.service.GroupService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;
import software.amazon.awssdk.services.iam.model.UpdateGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateGroupResponse;

/**
 * The Groups area: CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, AddUserToGroup,
 * RemoveUserFromGroup, ListGroupsForUser (IAM API Reference). Every operation acts in the caller's account.
 */
public final class GroupsApi implements ApiModule {

    private final GroupService groups;

    public GroupsApi(GroupService groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateGroupRequest.class, this::createGroup)
                .on(GetGroupRequest.class, this::getGroup)
                .on(ListGroupsRequest.class, this::listGroups)
                .on(UpdateGroupRequest.class, this::updateGroup)
                .on(DeleteGroupRequest.class, this::deleteGroup)
                .on(AddUserToGroupRequest.class, this::addUserToGroup)
                .on(RemoveUserFromGroupRequest.class, this::removeUserFromGroup)
                .on(ListGroupsForUserRequest.class, this::listGroupsForUser);
    }

    CreateGroupResponse createGroup(CreateGroupRequest r, CallContext call) {
        Group group = groups.createGroup(call.accountId(), r.groupName(), r.path());
        return CreateGroupResponse.builder().group(IamModelMapper.group(group)).build();
    }

    /** The group and a page of its users, listed without tags or boundary like ListUsers. */
    GetGroupResponse getGroup(GetGroupRequest r, CallContext call) {
        GroupMembers members = groups.getGroup(call.accountId(), r.groupName(),
                IamModelMapper.page(null, r.marker(), r.maxItems()));
        return GetGroupResponse.builder().group(IamModelMapper.group(members.group()))
                .users(members.users().items().stream().map(IamModelMapper::listedUser).toList())
                .isTruncated(members.users().isTruncated()).marker(members.users().nextMarker()).build();
    }

    ListGroupsResponse listGroups(ListGroupsRequest r, CallContext call) {
        Page<Group> page = groups.listGroups(call.accountId(),
                IamModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
        return ListGroupsResponse.builder().groups(page.items().stream().map(IamModelMapper::group).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    UpdateGroupResponse updateGroup(UpdateGroupRequest r, CallContext call) {
        groups.updateGroup(call.accountId(), r.groupName(), r.newGroupName(), r.newPath());
        return UpdateGroupResponse.builder().build();
    }

    DeleteGroupResponse deleteGroup(DeleteGroupRequest r, CallContext call) {
        groups.deleteGroup(call.accountId(), r.groupName());
        return DeleteGroupResponse.builder().build();
    }

    AddUserToGroupResponse addUserToGroup(AddUserToGroupRequest r, CallContext call) {
        groups.addUserToGroup(call.accountId(), r.groupName(), r.userName());
        return AddUserToGroupResponse.builder().build();
    }

    RemoveUserFromGroupResponse removeUserFromGroup(RemoveUserFromGroupRequest r, CallContext call) {
        groups.removeUserFromGroup(call.accountId(), r.groupName(), r.userName());
        return RemoveUserFromGroupResponse.builder().build();
    }

    ListGroupsForUserResponse listGroupsForUser(ListGroupsForUserRequest r, CallContext call) {
        Page<Group> page = groups.listGroupsForUser(call.accountId(), r.userName(),
                IamModelMapper.page(null, r.marker(), r.maxItems()));
        return ListGroupsForUserResponse.builder().groups(page.items().stream().map(IamModelMapper::group).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }
}
