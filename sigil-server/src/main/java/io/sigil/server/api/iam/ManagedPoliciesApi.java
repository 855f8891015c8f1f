package io.sigil.server.api.iam;

import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.ManagedPolicyService;
import io.sigil.iam.service.PolicyInfo;
import io.sigil.iam.service.PolicyListings;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;

/**
 * The managed-policy area (IAM API Reference): CreatePolicy, GetPolicy, ListPolicies, DeletePolicy,
 * CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion, SetDefaultPolicyVersion,
 * ListEntitiesForPolicy, TagPolicy, UntagPolicy, ListPolicyTags. Every operation acts in the caller's account.
 */
public final class ManagedPoliciesApi implements ApiModule {

    private final ManagedPolicyService policies;
    private final PolicyListings listings;

    public ManagedPoliciesApi(ManagedPolicyService policies, PolicyListings listings) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.listings = Objects.requireNonNull(listings, "listings");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreatePolicyRequest.class, this::createPolicy)
                .on(GetPolicyRequest.class, this::getPolicy)
                .on(ListPoliciesRequest.class, this::listPolicies)
                .on(DeletePolicyRequest.class, this::deletePolicy)
                .on(CreatePolicyVersionRequest.class, this::createPolicyVersion)
                .on(GetPolicyVersionRequest.class, this::getPolicyVersion)
                .on(ListPolicyVersionsRequest.class, this::listPolicyVersions)
                .on(DeletePolicyVersionRequest.class, this::deletePolicyVersion)
                .on(SetDefaultPolicyVersionRequest.class, this::setDefaultPolicyVersion)
                .on(ListEntitiesForPolicyRequest.class, this::listEntitiesForPolicy)
                .on(TagPolicyRequest.class, this::tagPolicy)
                .on(UntagPolicyRequest.class, this::untagPolicy)
                .on(ListPolicyTagsRequest.class, this::listPolicyTags);
    }

    CreatePolicyResponse createPolicy(CreatePolicyRequest r, CallContext call) {
        PolicyInfo created = policies.createPolicy(call.accountId(), r.policyName(), r.path(), r.policyDocument(),
                r.description(), PolicyModelMapper.fromSdkTags(r.hasTags() ? r.tags() : null));
        return CreatePolicyResponse.builder().policy(PolicyModelMapper.created(created)).build();
    }

    GetPolicyResponse getPolicy(GetPolicyRequest r, CallContext call) {
        return GetPolicyResponse.builder()
                .policy(PolicyModelMapper.fetched(policies.getPolicy(call.accountId(), r.policyArn()))).build();
    }

    /** Scope defaults to All, OnlyAttached to false (ListPolicies › Request Parameters). */
    ListPoliciesResponse listPolicies(ListPoliciesRequest r, CallContext call) {
        Page<PolicyInfo> page = listings.listPolicies(call.accountId(), scope(r.scopeAsString()),
                Boolean.TRUE.equals(r.onlyAttached()), usage(r.policyUsageFilterAsString()),
                PolicyModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(PolicyModelMapper::listedPolicy).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    DeletePolicyResponse deletePolicy(DeletePolicyRequest r, CallContext call) {
        policies.deletePolicy(call.principal(), r.policyArn());
        return DeletePolicyResponse.builder().build();
    }

    /** SetAsDefault: "Specifies whether to set this version as the policy's default version." Default false. */
    CreatePolicyVersionResponse createPolicyVersion(CreatePolicyVersionRequest r, CallContext call) {
        PolicyVersion v = policies.createPolicyVersion(call.principal(), r.policyArn(), r.policyDocument(),
                Boolean.TRUE.equals(r.setAsDefault()));
        return CreatePolicyVersionResponse.builder().policyVersion(PolicyModelMapper.version(v, false)).build();
    }

    GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r, CallContext call) {
        PolicyVersion v = policies.getPolicyVersion(call.accountId(), r.policyArn(), r.versionId());
        return GetPolicyVersionResponse.builder().policyVersion(PolicyModelMapper.version(v, true)).build();
    }

    ListPolicyVersionsResponse listPolicyVersions(ListPolicyVersionsRequest r, CallContext call) {
        Page<PolicyVersion> page = policies.listPolicyVersions(call.accountId(), r.policyArn(),
                PolicyModelMapper.page(null, r.marker(), r.maxItems()));
        return ListPolicyVersionsResponse.builder()
                .versions(page.items().stream().map(v -> PolicyModelMapper.version(v, false)).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    DeletePolicyVersionResponse deletePolicyVersion(DeletePolicyVersionRequest r, CallContext call) {
        policies.deletePolicyVersion(call.principal(), r.policyArn(), r.versionId());
        return DeletePolicyVersionResponse.builder().build();
    }

    SetDefaultPolicyVersionResponse setDefaultPolicyVersion(SetDefaultPolicyVersionRequest r, CallContext call) {
        policies.setDefaultPolicyVersion(call.principal(), r.policyArn(), r.versionId());
        return SetDefaultPolicyVersionResponse.builder().build();
    }

    ListEntitiesForPolicyResponse listEntitiesForPolicy(ListEntitiesForPolicyRequest r, CallContext call) {
        PolicyListings.Entities e = listings.listEntitiesForPolicy(call.accountId(), r.policyArn(),
                PolicyListings.kinds(r.entityFilterAsString()), usage(r.policyUsageFilterAsString()),
                PolicyModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
        return ListEntitiesForPolicyResponse.builder().policyUsers(PolicyModelMapper.users(e.users()))
                .policyGroups(PolicyModelMapper.groups(e.groups())).policyRoles(PolicyModelMapper.roles(e.roles()))
                .isTruncated(e.isTruncated()).marker(e.nextMarker()).build();
    }

    TagPolicyResponse tagPolicy(TagPolicyRequest r, CallContext call) {
        policies.tagPolicy(call.principal(), r.policyArn(), PolicyModelMapper.fromSdkTags(r.tags()));
        return TagPolicyResponse.builder().build();
    }

    UntagPolicyResponse untagPolicy(UntagPolicyRequest r, CallContext call) {
        policies.untagPolicy(call.principal(), r.policyArn(), r.tagKeys());
        return UntagPolicyResponse.builder().build();
    }

    ListPolicyTagsResponse listPolicyTags(ListPolicyTagsRequest r, CallContext call) {
        Page<Tag> page = policies.listPolicyTags(call.accountId(), r.policyArn(),
                PolicyModelMapper.page(null, r.marker(), r.maxItems()));
        return ListPolicyTagsResponse.builder().tags(PolicyModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    /** {@code All | AWS | Local}, the protocol layer having checked the enum. */
    private static PolicyListings.Scope scope(String wire) {
        return wire == null ? PolicyListings.Scope.ALL : PolicyListings.Scope.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** {@code PermissionsPolicy | PermissionsBoundary}, or null. */
    private static PolicyListings.Usage usage(String wire) {
        if (wire == null) {
            return null;
        }
        return wire.equals("PermissionsBoundary") ? PolicyListings.Usage.PERMISSIONS_BOUNDARY
                : PolicyListings.Usage.PERMISSIONS_POLICY;
    }
}
