package io.sigil.server.api.iam;

import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.AttachedPolicy;
import io.sigil.iam.service.PolicyInfo;
import io.sigil.iam.store.PageRequest;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/**
 * Managed policies to the AWS SDK model (IAM API Reference, "Data Types": Policy, PolicyVersion, AttachedPolicy,
 * PolicyUser/PolicyGroup/PolicyRole). Members IAM leaves out stay null so the codec leaves them out too.
 */
final class PolicyModelMapper {

    private PolicyModelMapper() {
    }

    /**
     * GetPolicy: every member, Description when the policy has one, and Tags always, empty when there are none
     * (AWS-verified in getmoto/moto's tests/test_iam/test_iam_response_attributes.py: "GetPolicy *does* return empty
     * tags list").
     */
    static Policy fetched(PolicyInfo info) {
        ManagedPolicy p = info.policy();
        return listedBuilder(info).description(p.description()).tags(tags(p.tags())).build();
    }

    /** CreatePolicy: no Description, and Tags only when some were given (the same AWS-verified test). */
    static Policy created(PolicyInfo info) {
        ManagedPolicy p = info.policy();
        Policy.Builder b = listedBuilder(info);
        if (!p.tags().isEmpty()) {
            b.tags(tags(p.tags()));
        }
        return b.build();
    }

    /**
     * ListPolicies: Policy › Description "is not included in the response to the ListPolicies operation", and
     * "this operation does not return tags, even though they are an attribute of the returned object".
     */
    static Policy listedPolicy(PolicyInfo info) {
        return listedBuilder(info).build();
    }

    private static Policy.Builder listedBuilder(PolicyInfo info) {
        ManagedPolicy p = info.policy();
        return Policy.builder().policyName(p.name()).policyId(p.id()).arn(p.arn()).path(p.path())
                .defaultVersionId(p.defaultVersionId()).attachmentCount(info.usage().attachmentCount())
                .permissionsBoundaryUsageCount(info.usage().permissionsBoundaryUsageCount())
                .isAttachable(info.isAttachable()).createDate(p.createDate()).updateDate(p.updateDate());
    }

    /**
     * PolicyVersion › Document: "The policy document returned in this structure is URL-encoded compliant with RFC
     * 3986", and only by GetPolicyVersion: "It is not returned in the response to the CreatePolicyVersion or
     * ListPolicyVersions operations."
     */
    static software.amazon.awssdk.services.iam.model.PolicyVersion version(PolicyVersion v, boolean withDocument) {
        return software.amazon.awssdk.services.iam.model.PolicyVersion.builder()
                .document(withDocument ? PolicyDocumentEncoding.encode(v.document()) : null).versionId(v.versionId())
                .isDefaultVersion(v.isDefault()).createDate(v.createDate()).build();
    }

    static software.amazon.awssdk.services.iam.model.AttachedPolicy attached(AttachedPolicy a) {
        return software.amazon.awssdk.services.iam.model.AttachedPolicy.builder().policyName(a.policyName())
                .policyArn(a.policyArn()).build();
    }

    static List<PolicyUser> users(List<PolicyEntity> entities) {
        return entities.stream().map(e -> PolicyUser.builder().userName(e.name()).userId(e.id()).build()).toList();
    }

    static List<PolicyGroup> groups(List<PolicyEntity> entities) {
        return entities.stream().map(e -> PolicyGroup.builder().groupName(e.name()).groupId(e.id()).build())
                .toList();
    }

    static List<PolicyRole> roles(List<PolicyEntity> entities) {
        return entities.stream().map(e -> PolicyRole.builder().roleName(e.name()).roleId(e.id()).build()).toList();
    }

    static List<software.amazon.awssdk.services.iam.model.Tag> tags(List<Tag> tags) {
        return tags.stream().map(t -> software.amazon.awssdk.services.iam.model.Tag.builder().key(t.key())
                .value(t.value()).build()).toList();
    }

    static List<Tag> fromSdkTags(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
        return tags == null ? List.of() : tags.stream().map(t -> new Tag(t.key(), t.value())).toList();
    }

    /** PathPrefix (default {@code /}), Marker and MaxItems ("If you do not include this parameter, ... 100"). */
    static PageRequest page(String pathPrefix, String marker, Integer maxItems) {
        return new PageRequest(pathPrefix, marker, maxItems == null ? PageRequest.DEFAULT_MAX_ITEMS : maxItems);
    }
}
