package io.sigil.server.api.iam;

import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.service.AttachedPolicy;
import io.sigil.iam.service.PolicyAttachmentService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.Handlers;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;

/**
 * Managed-policy attachments (IAM API Reference): Attach/Detach{User,Group,Role}Policy and
 * ListAttached{User,Group,Role}Policies. Every operation acts in the caller's account.
 */
public final class PolicyAttachmentsApi implements ApiModule {

    private final PolicyAttachmentService attachments;

    public PolicyAttachmentsApi(PolicyAttachmentService attachments) {
        this.attachments = Objects.requireNonNull(attachments, "attachments");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(AttachUserPolicyRequest.class, (r, call) -> {
            attachments.attach(call.accountId(), PolicyOwnerKind.USER, r.userName(), r.policyArn());
            return AttachUserPolicyResponse.builder().build();
        }).on(AttachGroupPolicyRequest.class, (r, call) -> {
            attachments.attach(call.accountId(), PolicyOwnerKind.GROUP, r.groupName(), r.policyArn());
            return AttachGroupPolicyResponse.builder().build();
        }).on(AttachRolePolicyRequest.class, (r, call) -> {
            attachments.attach(call.accountId(), PolicyOwnerKind.ROLE, r.roleName(), r.policyArn());
            return AttachRolePolicyResponse.builder().build();
        }).on(DetachUserPolicyRequest.class, (r, call) -> {
            attachments.detach(call.accountId(), PolicyOwnerKind.USER, r.userName(), r.policyArn());
            return DetachUserPolicyResponse.builder().build();
        }).on(DetachGroupPolicyRequest.class, (r, call) -> {
            attachments.detach(call.accountId(), PolicyOwnerKind.GROUP, r.groupName(), r.policyArn());
            return DetachGroupPolicyResponse.builder().build();
        }).on(DetachRolePolicyRequest.class, (r, call) -> {
            attachments.detach(call.accountId(), PolicyOwnerKind.ROLE, r.roleName(), r.policyArn());
            return DetachRolePolicyResponse.builder().build();
        }).on(ListAttachedUserPoliciesRequest.class, (r, call) -> {
            Page<AttachedPolicy> p = attachments.listAttached(call.accountId(), PolicyOwnerKind.USER, r.userName(),
                    PolicyModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
            return ListAttachedUserPoliciesResponse.builder().attachedPolicies(sdk(p.items()))
                    .isTruncated(p.isTruncated()).marker(p.nextMarker()).build();
        }).on(ListAttachedGroupPoliciesRequest.class, (r, call) -> {
            Page<AttachedPolicy> p = attachments.listAttached(call.accountId(), PolicyOwnerKind.GROUP,
                    r.groupName(), PolicyModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
            return ListAttachedGroupPoliciesResponse.builder().attachedPolicies(sdk(p.items()))
                    .isTruncated(p.isTruncated()).marker(p.nextMarker()).build();
        }).on(ListAttachedRolePoliciesRequest.class, (r, call) -> {
            Page<AttachedPolicy> p = attachments.listAttached(call.accountId(), PolicyOwnerKind.ROLE, r.roleName(),
                    PolicyModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
            return ListAttachedRolePoliciesResponse.builder().attachedPolicies(sdk(p.items()))
                    .isTruncated(p.isTruncated()).marker(p.nextMarker()).build();
        });
    }

    private static List<software.amazon.awssdk.services.iam.model.AttachedPolicy> sdk(List<AttachedPolicy> items) {
        return items.stream().map(PolicyModelMapper::attached).toList();
    }
}
