package io.sigil.server.api.iam;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.service.AuthorizationDetails;
import io.sigil.iam.service.AuthorizationDetailsService;
import io.sigil.iam.service.AuthorizationDetailsService.EntityType;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * GetAccountAuthorizationDetails on the wire (IAM API Reference; "Data Types": UserDetail, GroupDetail, RoleDetail,
 * ManagedPolicyDetail, PolicyDetail). "Policies returned by this operation are URL-encoded compliant with RFC
 * 3986": inline policy documents, trust policies and policy version documents go out encoded. The lists of each
 * detail (inline policies, groups, attached policies, instance profiles, versions) are sent even when empty, as
 * IAM sends them; Tags and PermissionsBoundary only when the entity has them.
 */
public final class AuthorizationDetailsApi implements ApiModule {

    private final AuthorizationDetailsService details;

    public AuthorizationDetailsApi(AuthorizationDetailsService details) {
        this.details = Objects.requireNonNull(details, "details");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GetAccountAuthorizationDetailsRequest.class, this::details);
    }

    GetAccountAuthorizationDetailsResponse details(GetAccountAuthorizationDetailsRequest r, CallContext call) {
        AuthorizationDetails d = details.details(call.accountId(), filter(r.filterAsStrings()),
                Paging.of(r.marker(), r.maxItems()));
        return GetAccountAuthorizationDetailsResponse.builder()
                .userDetailList(d.users().stream().map(AuthorizationDetailsApi::user).toList())
                .groupDetailList(d.groups().stream().map(AuthorizationDetailsApi::group).toList())
                .roleDetailList(d.roles().stream().map(AuthorizationDetailsApi::role).toList())
                .policies(d.policies().stream().map(AuthorizationDetailsApi::policy).toList())
                .isTruncated(d.isTruncated()).marker(d.nextMarker()).build();
    }

    /** The protocol layer has already refused values outside the EntityType enum (ValidationError). */
    private static Set<EntityType> filter(List<String> values) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (String v : values) {
            switch (v) {
                case "User" -> types.add(EntityType.USER);
                case "Role" -> types.add(EntityType.ROLE);
                case "Group" -> types.add(EntityType.GROUP);
                case "LocalManagedPolicy" -> types.add(EntityType.LOCAL_MANAGED_POLICY);
                case "AWSManagedPolicy" -> types.add(EntityType.AWS_MANAGED_POLICY);
                default -> throw new IllegalStateException("EntityType not checked by the protocol layer: " + v);
            }
        }
        return types;
    }

    private static UserDetail user(AuthorizationDetails.UserDetail d) {
        var u = d.user();
        // As AWS answers (LocalStack's AWS-validated snapshots, test_iam_account_authorization_details): Tags always,
        // empty when the user has none; UserPolicyList only when the user has inline policies.
        var b = UserDetail.builder().path(u.path()).userName(u.name()).userId(u.id()).arn(u.arn())
                .createDate(u.createDate()).groupList(d.groupNames())
                .attachedManagedPolicies(d.attached().stream().map(PolicyModelMapper::attached).toList())
                .tags(IamModelMapper.tags(u.tags()));
        if (!d.inlinePolicies().isEmpty()) {
            b.userPolicyList(inline(d.inlinePolicies()));
        }
        if (u.permissionsBoundaryArn() != null) {
            b.permissionsBoundary(IamModelMapper.boundary(u.permissionsBoundaryArn()));
        }
        return b.build();
    }

    private static GroupDetail group(AuthorizationDetails.GroupDetail d) {
        var g = d.group();
        return GroupDetail.builder().path(g.path()).groupName(g.name()).groupId(g.id()).arn(g.arn())
                .createDate(g.createDate()).groupPolicyList(inline(d.inlinePolicies()))
                .attachedManagedPolicies(d.attached().stream().map(PolicyModelMapper::attached).toList()).build();
    }

    private static RoleDetail role(AuthorizationDetails.RoleDetail d) {
        var r = d.role();
        var b = RoleDetail.builder().path(r.path()).roleName(r.name()).roleId(r.id()).arn(r.arn())
                .createDate(r.createDate())
                .assumeRolePolicyDocument(PolicyDocumentEncoding.encode(r.assumeRolePolicyDocument()))
                .instanceProfileList(d.instanceProfiles().stream().map(RoleModelMapper::instanceProfile).toList())
                .rolePolicyList(inline(d.inlinePolicies()))
                .attachedManagedPolicies(d.attached().stream().map(PolicyModelMapper::attached).toList())
                // RoleLastUsed: sent empty when the role was never used, as GetRole does
                .roleLastUsed(RoleLastUsed.builder().lastUsedDate(r.lastUsed()).region(r.lastUsedRegion()).build());
        if (r.permissionsBoundaryArn() != null) {
            b.permissionsBoundary(IamModelMapper.boundary(r.permissionsBoundaryArn()));
        }
        // Tags always, empty when the role has none, as AWS answers (the same snapshots)
        return b.tags(IamModelMapper.tags(r.tags())).build();
    }

    private static ManagedPolicyDetail policy(AuthorizationDetails.PolicyDetail d) {
        var p = d.info().policy();
        return ManagedPolicyDetail.builder().policyName(p.name()).policyId(p.id()).arn(p.arn()).path(p.path())
                .defaultVersionId(p.defaultVersionId()).attachmentCount(d.info().usage().attachmentCount())
                .permissionsBoundaryUsageCount(d.info().usage().permissionsBoundaryUsageCount())
                .isAttachable(d.info().isAttachable()).description(p.description()).createDate(p.createDate())
                .updateDate(p.updateDate())
                .policyVersionList(d.versions().stream().map(v -> PolicyModelMapper.version(v, true)).toList())
                .build();
    }

    private static List<PolicyDetail> inline(List<InlinePolicy> policies) {
        return policies.stream().map(p -> PolicyDetail.builder().policyName(p.name())
                .policyDocument(PolicyDocumentEncoding.encode(p.document())).build()).toList();
    }
}
