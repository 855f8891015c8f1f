package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.model.PolicyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer managed policies with their versions (their tags are in {@link TagStore}), and the attachment of managed policies (customer or AWS
 * managed, named by ARN) to users, groups and roles (spec §1.6; IAM User Guide, "Managed policies and inline
 * policies", "Versioning IAM policies"). Policies are addressed by ARN, which cannot change. Which ARNs exist as AWS
 * managed policies is not the store's knowledge: callers check before attaching one.
 *
 * <p>Lists are bounded by quotas (1,500 policies per account, 10 attachments per entity, 5 versions, 50 tags) and
 * are answered whole; callers page them.
 */
public interface ManagedPolicyStore {

    /**
     * CreatePolicy: the policy with {@code document} as v1, its default version.
     *
     * @throws IamException EntityAlreadyExists ("A policy called X already exists. Duplicate names are not
     *     allowed."), LimitExceeded past {@code PoliciesPerAccount} or {@code TagsPerPolicy}; the tags are
     *     stored with it
     */
    ManagedPolicy create(ManagedPolicy policy, String document);

    /** A customer managed policy by ARN. */
    Optional<ManagedPolicy> find(String policyArn);

    /** Reads the policy and locks its row until the transaction ends. @throws IamException NoSuchEntity */
    ManagedPolicy lock(String policyArn);

    /**
     * Every customer managed policy of the account, in case-insensitive name order, without their tags (an empty
     * list): ListPolicies "does not return tags, even though they are an attribute of the returned object", and
     * GetAccountAuthorizationDetails' ManagedPolicyDetail has none (IAM API Reference); {@link #find} has them.
     */
    List<ManagedPolicy> list(String accountId);

    /**
     * DeletePolicy.
     *
     * @throws IamException NoSuchEntity; DeleteConflict while attached or used as a permissions boundary ("Cannot
     *     delete a policy attached to entities.") or while it has versions besides the default one
     */
    void delete(String policyArn);

    /**
     * CreatePolicyVersion: the next version id (ids are never reused), default if asked. The policy's update date
     * becomes {@code now} (Policy › UpdateDate: "When a policy has more than one version, this field contains the
     * date and time when the most recent policy version was created").
     *
     * @throws IamException NoSuchEntity; LimitExceeded when the policy already has {@code versionsPerPolicy}
     */
    PolicyVersion createVersion(String policyArn, String document, boolean setAsDefault, Instant now);

    /** The versions of a policy, in version order (v1 first). @throws IamException NoSuchEntity */
    List<PolicyVersion> versions(String policyArn);

    /** The default version's document of a customer managed policy, or empty if the policy does not exist. */
    Optional<PolicyVersion> defaultVersion(String policyArn);

    /** DeletePolicyVersion. @throws IamException NoSuchEntity; DeleteConflict for the default version */
    void deleteVersion(String policyArn, String versionId);

    /** SetDefaultPolicyVersion. @throws IamException NoSuchEntity */
    ManagedPolicy setDefaultVersion(String policyArn, String versionId);

    /**
     * Attach{User,Group,Role}Policy; attaching a policy that is already attached changes nothing. Locks the entity,
     * so that racing attachments cannot pass the quota together.
     *
     * @throws IamException NoSuchEntity for the entity; LimitExceeded past {@code PoliciesPerUser} (Group, Role)
     */
    void attach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn);

    /** Detach{User,Group,Role}Policy. @return false if it was not attached @throws IamException NoSuchEntity */
    boolean detach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn);

    /** The ARNs attached to one entity, in attachment order. @throws IamException NoSuchEntity for the entity */
    List<String> attached(String accountId, PolicyOwnerKind kind, String entityName);

    /** ListEntitiesForPolicy: the users, groups and roles of the account that have the policy attached. */
    List<PolicyEntity> entitiesFor(String accountId, String policyArn);

    /** AttachmentCount and PermissionsBoundaryUsageCount of one policy in the account. */
    PolicyUsage usage(String accountId, String policyArn);

    /** The same for every policy ARN the account uses (absent: unused). */
    Map<String, PolicyUsage> usages(String accountId);

    static IamException noSuchPolicy(String policyArn) {
        return IamException.noSuchEntity("Policy " + policyArn + " was not found.");
    }

    /** A version the policy does not have. */
    static IamException noSuchVersion(String policyArn, String versionId) {
        return IamException.noSuchEntity("Policy " + policyArn + " version " + versionId
                + " does not exist or is not attachable.");
    }
}
