package io.sigil.server.api.iam;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.RolePolicyService;
import io.sigil.iam.service.RoleService;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/**
 * The Roles area: CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy,
 * DeleteRole, TagRole, UntagRole, ListRoleTags, and the role inline policies PutRolePolicy, GetRolePolicy,
 * DeleteRolePolicy, ListRolePolicies (IAM API Reference). Every operation acts in the caller's account.
 */
public final class RolesApi implements ApiModule {

    private final RoleService roles;
    private final RolePolicyService policies;

    public RolesApi(RoleService roles, RolePolicyService policies) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    @Override
    public void register(Handlers h) {
        h.on(CreateRoleRequest.class, this::createRole)
                .on(GetRoleRequest.class, this::getRole)
                .on(ListRolesRequest.class, this::listRoles)
                .on(UpdateRoleRequest.class, this::updateRole)
                .on(UpdateRoleDescriptionRequest.class, this::updateRoleDescription)
                .on(UpdateAssumeRolePolicyRequest.class, this::updateAssumeRolePolicy)
                .on(DeleteRoleRequest.class, this::deleteRole)
                .on(TagRoleRequest.class, this::tagRole)
                .on(UntagRoleRequest.class, this::untagRole)
                .on(ListRoleTagsRequest.class, this::listRoleTags)
                .on(PutRolePolicyRequest.class, this::putRolePolicy)
                .on(GetRolePolicyRequest.class, this::getRolePolicy)
                .on(DeleteRolePolicyRequest.class, this::deleteRolePolicy)
                .on(ListRolePoliciesRequest.class, this::listRolePolicies);
    }

    CreateRoleResponse createRole(CreateRoleRequest r, CallContext call) {
        Role role = roles.createRole(call.accountId(), r.roleName(), r.path(), r.assumeRolePolicyDocument(),
                r.description(), r.maxSessionDuration(), r.permissionsBoundary(), RoleModelMapper.fromSdk(r.tags()));
        return CreateRoleResponse.builder().role(RoleModelMapper.created(role)).build();
    }

    GetRoleResponse getRole(GetRoleRequest r, CallContext call) {
        return GetRoleResponse.builder().role(RoleModelMapper.role(roles.getRole(call.accountId(), r.roleName())))
                .build();
    }

    ListRolesResponse listRoles(ListRolesRequest r, CallContext call) {
        Page<Role> page = roles.listRoles(call.accountId(), new PageRequest(r.pathPrefix(), r.marker(),
                r.maxItems() == null ? PageRequest.DEFAULT_MAX_ITEMS : r.maxItems()));
        return ListRolesResponse.builder().roles(page.items().stream().map(RoleModelMapper::listed).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    UpdateRoleResponse updateRole(UpdateRoleRequest r, CallContext call) {
        roles.updateRole(call.accountId(), r.roleName(), r.description(), r.maxSessionDuration());
        return UpdateRoleResponse.builder().build();
    }

    UpdateRoleDescriptionResponse updateRoleDescription(UpdateRoleDescriptionRequest r, CallContext call) {
        Role role = roles.updateRoleDescription(call.accountId(), r.roleName(), r.description());
        return UpdateRoleDescriptionResponse.builder().role(RoleModelMapper.described(role)).build();
    }

    UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest r, CallContext call) {
        roles.updateAssumeRolePolicy(call.accountId(), r.roleName(), r.policyDocument());
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    DeleteRoleResponse deleteRole(DeleteRoleRequest r, CallContext call) {
        roles.deleteRole(call.accountId(), r.roleName());
        return DeleteRoleResponse.builder().build();
    }

    TagRoleResponse tagRole(TagRoleRequest r, CallContext call) {
        roles.tagRole(call.accountId(), r.roleName(), RoleModelMapper.fromSdk(r.tags()));
        return TagRoleResponse.builder().build();
    }

    UntagRoleResponse untagRole(UntagRoleRequest r, CallContext call) {
        roles.untagRole(call.accountId(), r.roleName(), r.tagKeys());
        return UntagRoleResponse.builder().build();
    }

    ListRoleTagsResponse listRoleTags(ListRoleTagsRequest r, CallContext call) {
        Page<Tag> page = roles.listRoleTags(call.accountId(), r.roleName(), Paging.of(r.marker(), r.maxItems()));
        return ListRoleTagsResponse.builder().tags(RoleModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest r, CallContext call) {
        policies.put(call.accountId(), r.roleName(), r.policyName(), r.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }

    /** GetRolePolicy: "The policy document returned in this structure is URL-encoded compliant with RFC 3986". */
    GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r, CallContext call) {
        InlinePolicy p = policies.get(call.accountId(), r.roleName(), r.policyName());
        return GetRolePolicyResponse.builder().roleName(p.ownerName()).policyName(p.name())
                .policyDocument(PolicyDocumentEncoding.encode(p.document())).build();
    }

    DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest r, CallContext call) {
        policies.delete(call.accountId(), r.roleName(), r.policyName());
        return DeleteRolePolicyResponse.builder().build();
    }

    ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r, CallContext call) {
        Page<String> page = policies.list(call.accountId(), r.roleName(), Paging.of(r.marker(), r.maxItems()));
        return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.isTruncated())
                .marker(page.nextMarker()).build();
    }
}
