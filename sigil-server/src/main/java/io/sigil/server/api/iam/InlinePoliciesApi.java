package io.sigil.server.api.iam;

import static io.sigil.iam.model.PolicyOwnerKind.GROUP;
import static io.sigil.iam.model.PolicyOwnerKind.USER;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.service.InlinePolicyService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;

/**
 * The inline policies of users and groups on the wire (IAM API Reference: PutUserPolicy, GetUserPolicy,
 * DeleteUserPolicy, ListUserPolicies and their Group forms; the rules are {@link InlinePolicyService}'s). Get*
 * answers the document URL-encoded, as IAM does ({@link PolicyDocumentEncoding}).
 */
public final class InlinePoliciesApi implements ApiModule {

    private final InlinePolicyService policies;

    public InlinePoliciesApi(InlinePolicyService policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(PutUserPolicyRequest.class, this::putUserPolicy)
                .on(GetUserPolicyRequest.class, this::getUserPolicy)
                .on(DeleteUserPolicyRequest.class, this::deleteUserPolicy)
                .on(ListUserPoliciesRequest.class, this::listUserPolicies)
                .on(PutGroupPolicyRequest.class, this::putGroupPolicy)
                .on(GetGroupPolicyRequest.class, this::getGroupPolicy)
                .on(DeleteGroupPolicyRequest.class, this::deleteGroupPolicy)
                .on(ListGroupPoliciesRequest.class, this::listGroupPolicies);
    }

    PutUserPolicyResponse putUserPolicy(PutUserPolicyRequest r, CallContext call) {
        policies.put(call.accountId(), USER, r.userName(), r.policyName(), r.policyDocument());
        return PutUserPolicyResponse.builder().build();
    }

    GetUserPolicyResponse getUserPolicy(GetUserPolicyRequest r, CallContext call) {
        InlinePolicy p = policies.get(call.accountId(), USER, r.userName(), r.policyName());
        return GetUserPolicyResponse.builder()
                .userName(p.ownerName())
                .policyName(p.name())
                .policyDocument(PolicyDocumentEncoding.encode(p.document()))
                .build();
    }

    DeleteUserPolicyResponse deleteUserPolicy(DeleteUserPolicyRequest r, CallContext call) {
        policies.delete(call.accountId(), USER, r.userName(), r.policyName());
        return DeleteUserPolicyResponse.builder().build();
    }

    ListUserPoliciesResponse listUserPolicies(ListUserPoliciesRequest r, CallContext call) {
        Page<String> page = policies.list(call.accountId(), USER, r.userName(), Paging.of(r.marker(), r.maxItems()));
        return ListUserPoliciesResponse.builder()
                .policyNames(page.items())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    PutGroupPolicyResponse putGroupPolicy(PutGroupPolicyRequest r, CallContext call) {
        policies.put(call.accountId(), GROUP, r.groupName(), r.policyName(), r.policyDocument());
        return PutGroupPolicyResponse.builder().build();
    }

    GetGroupPolicyResponse getGroupPolicy(GetGroupPolicyRequest r, CallContext call) {
        InlinePolicy p = policies.get(call.accountId(), GROUP, r.groupName(), r.policyName());
        return GetGroupPolicyResponse.builder()
                .groupName(p.ownerName())
                .policyName(p.name())
                .policyDocument(PolicyDocumentEncoding.encode(p.document()))
                .build();
    }

    DeleteGroupPolicyResponse deleteGroupPolicy(DeleteGroupPolicyRequest r, CallContext call) {
        policies.delete(call.accountId(), GROUP, r.groupName(), r.policyName());
        return DeleteGroupPolicyResponse.builder().build();
    }

    ListGroupPoliciesResponse listGroupPolicies(ListGroupPoliciesRequest r, CallContext call) {
        Page<String> page = policies.list(call.accountId(), GROUP, r.groupName(),
                Paging.of(r.marker(), r.maxItems()));
        return ListGroupPoliciesResponse.builder()
                .policyNames(page.items())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }
}
