package io.sigil.server.api.iam;

import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.InstanceProfileService;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileResponse;

/**
 * The Instance profiles area: CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles,
 * ListInstanceProfilesForRole, DeleteInstanceProfile, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile,
 * TagInstanceProfile, UntagInstanceProfile, ListInstanceProfileTags (IAM API Reference).
 */
public final class InstanceProfilesApi implements ApiModule {

    private final InstanceProfileService profiles;

    public InstanceProfilesApi(InstanceProfileService profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public void register(Handlers h) {
        h.on(CreateInstanceProfileRequest.class, this::create)
                .on(GetInstanceProfileRequest.class, this::get)
                .on(ListInstanceProfilesRequest.class, this::list)
                .on(ListInstanceProfilesForRoleRequest.class, this::listForRole)
                .on(DeleteInstanceProfileRequest.class, this::delete)
                .on(AddRoleToInstanceProfileRequest.class, this::addRole)
                .on(RemoveRoleFromInstanceProfileRequest.class, this::removeRole)
                .on(TagInstanceProfileRequest.class, this::tag)
                .on(UntagInstanceProfileRequest.class, this::untag)
                .on(ListInstanceProfileTagsRequest.class, this::listTags);
    }

    CreateInstanceProfileResponse create(CreateInstanceProfileRequest r, CallContext call) {
        InstanceProfile p = profiles.create(call.accountId(), r.instanceProfileName(), r.path(),
                RoleModelMapper.fromSdk(r.tags()));
        return CreateInstanceProfileResponse.builder().instanceProfile(RoleModelMapper.instanceProfile(p)).build();
    }

    GetInstanceProfileResponse get(GetInstanceProfileRequest r, CallContext call) {
        return GetInstanceProfileResponse.builder().instanceProfile(RoleModelMapper.fetchedInstanceProfile(
                profiles.get(call.accountId(), r.instanceProfileName()))).build();
    }

    /** "This operation does not return ... Tags" (ListInstanceProfiles), so listed profiles carry none. */
    ListInstanceProfilesResponse list(ListInstanceProfilesRequest r, CallContext call) {
        Page<InstanceProfile> page = profiles.list(call.accountId(), new PageRequest(r.pathPrefix(), r.marker(),
                r.maxItems() == null ? PageRequest.DEFAULT_MAX_ITEMS : r.maxItems()));
        return ListInstanceProfilesResponse.builder().instanceProfiles(page.items().stream()
                        .map(p -> RoleModelMapper.instanceProfile(p.withTags(java.util.List.of()))).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    ListInstanceProfilesForRoleResponse listForRole(ListInstanceProfilesForRoleRequest r, CallContext call) {
        Page<InstanceProfile> page = profiles.listForRole(call.accountId(), r.roleName(),
                Paging.of(r.marker(), r.maxItems()));
        return ListInstanceProfilesForRoleResponse.builder().instanceProfiles(page.items().stream()
                        .map(RoleModelMapper::instanceProfile).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    DeleteInstanceProfileResponse delete(DeleteInstanceProfileRequest r, CallContext call) {
        profiles.delete(call.accountId(), r.instanceProfileName());
        return DeleteInstanceProfileResponse.builder().build();
    }

    AddRoleToInstanceProfileResponse addRole(AddRoleToInstanceProfileRequest r, CallContext call) {
        profiles.addRole(call.accountId(), r.instanceProfileName(), r.roleName());
        return AddRoleToInstanceProfileResponse.builder().build();
    }

    RemoveRoleFromInstanceProfileResponse removeRole(RemoveRoleFromInstanceProfileRequest r, CallContext call) {
        profiles.removeRole(call.accountId(), r.instanceProfileName(), r.roleName());
        return RemoveRoleFromInstanceProfileResponse.builder().build();
    }

    TagInstanceProfileResponse tag(TagInstanceProfileRequest r, CallContext call) {
        profiles.tag(call.accountId(), r.instanceProfileName(), RoleModelMapper.fromSdk(r.tags()));
        return TagInstanceProfileResponse.builder().build();
    }

    UntagInstanceProfileResponse untag(UntagInstanceProfileRequest r, CallContext call) {
        profiles.untag(call.accountId(), r.instanceProfileName(), r.tagKeys());
        return UntagInstanceProfileResponse.builder().build();
    }

    ListInstanceProfileTagsResponse listTags(ListInstanceProfileTagsRequest r, CallContext call) {
        Page<Tag> page = profiles.listTags(call.accountId(), r.instanceProfileName(),
                Paging.of(r.marker(), r.maxItems()));
        return ListInstanceProfileTagsResponse.builder().tags(RoleModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }
}
