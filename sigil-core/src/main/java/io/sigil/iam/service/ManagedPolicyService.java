package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.reference.AwsManagedPolicyVersions;
import io.sigil.iam.store.ManagedPolicyStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Managed policies and their versions: CreatePolicy, GetPolicy, DeletePolicy, CreatePolicyVersion, GetPolicyVersion,
 * ListPolicyVersions, DeletePolicyVersion, SetDefaultPolicyVersion, TagPolicy, UntagPolicy, ListPolicyTags (IAM API
 * Reference; IAM User Guide, "Versioning IAM policies"). ListPolicies and ListEntitiesForPolicy are in
 * {@link PolicyListings}.
 *
 * <p>AWS managed policies are read like the account's own (GetPolicy, GetPolicyVersion, ListPolicyVersions; only
 * their current default version is known here) but belong to AWS: "You cannot change the permissions defined in AWS
 * managed policies" (IAM User Guide, "AWS managed policies"). Any change is refused as IAM refuses an action on a
 * resource of another account: AccessDenied, "User: ARN is not authorized to perform: iam:DeletePolicy on resource:
 * policy arn:aws:iam::aws:policy/NAME" (the "policy ARN" resource wording of IAM's denials).
 */
public final class ManagedPolicyService {

    /** "This parameter is optional. If it is not included, it defaults to a slash (/)." (CreatePolicy › Path) */
    public static final String DEFAULT_PATH = "/";

    private final Store store;
    private final Clock clock;
    private final Limits limits;

    public ManagedPolicyService(Store store, Clock clock, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * CreatePolicy: "creates a new managed policy ... The first version of the policy is v1, and it is the default
     * version." "If any one of the tags is invalid or if you exceed the allowed maximum number of tags, then the
     * entire request fails and the resource is not created."
     *
     * @param path null for {@code /}
     * @param description null for none
     */
    public PolicyInfo createPolicy(String accountId, String name, String path, String document, String description,
            List<Tag> tags) {
        List<Tag> tagList = List.copyOf(tags == null ? List.of() : tags);
        TagRules.requireNoReservedPrefix(tagList);
        PolicyDocuments.requireValid(document, limits);
        ManagedPolicy policy = ManagedPolicy.create(accountId, name, path == null ? DEFAULT_PATH : path,
                Ids.policyId(), description, now(), tagList);
        return new PolicyInfo(store.inTransaction(tx -> tx.managedPolicies().create(policy, document)),
                PolicyUsage.NONE);
    }

    /** GetPolicy: the policy with AttachmentCount and PermissionsBoundaryUsageCount in the caller's account. */
    public PolicyInfo getPolicy(String accountId, String policyArn) {
        return store.read(tx -> {
            ManagedPolicy p = require(tx, accountId, policyArn);
            return new PolicyInfo(p, tx.managedPolicies().usage(accountId, p.arn()));
        });
    }

    /**
     * DeletePolicy: refused with DeleteConflict while the policy is attached or used as a permissions boundary
     * ("Cannot delete a policy attached to entities.") or has versions besides the default ("This policy has more
     * than one version. ...").
     */
    public void deletePolicy(Principal caller, String policyArn) {
        store.write(tx -> {
            requireOwn(tx, caller, policyArn, "iam:DeletePolicy");
            tx.managedPolicies().delete(policyArn);
        });
    }

    /**
     * CreatePolicyVersion: "Creates a new version of the specified managed policy. To update a managed policy, you
     * create a new policy version. A managed policy can have up to five versions. If the policy has five versions,
     * you must delete an existing version using DeletePolicyVersion before you create a new version." Version ids
     * are never reused.
     */
    public PolicyVersion createPolicyVersion(Principal caller, String policyArn, String document,
            boolean setAsDefault) {
        PolicyDocuments.requireValid(document, limits);
        Instant now = now();
        return store.inTransaction(tx -> {
            requireOwn(tx, caller, policyArn, "iam:CreatePolicyVersion");
            return tx.managedPolicies().createVersion(policyArn, document, setAsDefault, now);
        });
    }

    /**
     * GetPolicyVersion: the document as stored, with whether it is the default version. An AWS managed policy's
     * older versions come from the catalogue's history ({@link AwsManagedPolicyVersions}).
     */
    public PolicyVersion getPolicyVersion(String accountId, String policyArn, String versionId) {
        if (AwsManagedPolicies.isAwsManagedArn(policyArn)) {
            return AwsManagedPolicyVersions.index().version(awsEntry(policyArn), versionId)
                    .orElseThrow(() -> ManagedPolicyStore.noSuchVersion(policyArn, versionId));
        }
        return listVersions(accountId, policyArn).stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> ManagedPolicyStore.noSuchVersion(policyArn, versionId));
    }

    /**
     * ListPolicyVersions, newest first, as AWS lists them (the AWS CLI's list-policy-versions example answers v2,
     * then v1; real accounts' listings, e.g. CloudGoat's walkthroughs, v5 down to v1).
     */
    public Page<PolicyVersion> listPolicyVersions(String accountId, String policyArn, PageRequest page) {
        List<PolicyVersion> newestFirst = new ArrayList<>(listVersions(accountId, policyArn));
        java.util.Collections.reverse(newestFirst);
        return ListPages.page(newestFirst, v -> newestFirstKey(v.versionId()), page);
    }

    /** DeletePolicyVersion: "You cannot delete the default version from a policy using this operation." */
    public void deletePolicyVersion(Principal caller, String policyArn, String versionId) {
        store.write(tx -> {
            requireOwn(tx, caller, policyArn, "iam:DeletePolicyVersion");
            tx.managedPolicies().deleteVersion(policyArn, versionId);
        });
    }

    /** SetDefaultPolicyVersion: "sets the version as the policy's default (operative) version." */
    public void setDefaultPolicyVersion(Principal caller, String policyArn, String versionId) {
        store.write(tx -> {
            requireOwn(tx, caller, policyArn, "iam:SetDefaultPolicyVersion");
            tx.managedPolicies().setDefaultVersion(policyArn, versionId);
        });
    }

    /** TagPolicy: adds tags, replacing the value of a key already there (keys match case-insensitively). */
    public void tagPolicy(Principal caller, String policyArn, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> {
            requireOwn(tx, caller, policyArn, "iam:TagPolicy");
            tx.tags().tag(caller.accountId(), TaggableKind.POLICY, policyArn, List.copyOf(tags));
        });
    }

    /** UntagPolicy: keys the policy does not have are ignored. */
    public void untagPolicy(Principal caller, String policyArn, List<String> keys) {
        store.write(tx -> {
            requireOwn(tx, caller, policyArn, "iam:UntagPolicy");
            tx.tags().untag(caller.accountId(), TaggableKind.POLICY, policyArn, List.copyOf(keys));
        });
    }

    /** ListPolicyTags: "sorted by tag key"; an AWS managed policy has none. */
    public Page<Tag> listPolicyTags(String accountId, String policyArn, PageRequest page) {
        return store.read(tx -> {
            ManagedPolicy p = require(tx, accountId, policyArn);
            if (p.isAwsManaged()) {
                return new Page<Tag>(List.of(), null);
            }
            return tx.tags().list(accountId, TaggableKind.POLICY, p.arn(), page);
        });
    }

    private List<PolicyVersion> listVersions(String accountId, String policyArn) {
        if (AwsManagedPolicies.isAwsManagedArn(policyArn)) {
            return AwsManagedPolicyVersions.index().versions(awsEntry(policyArn));
        }
        return store.read(tx -> {
            require(tx, accountId, policyArn);
            return tx.managedPolicies().versions(policyArn);
        });
    }

    private static AwsManagedPolicies.Entry awsEntry(String policyArn) {
        return AwsManagedPolicies.catalogue().find(policyArn)
                .orElseThrow(() -> ManagedPolicyStore.noSuchPolicy(policyArn));
    }

    /** A policy the account can see: its own or AWS's. @throws IamException NoSuchEntity "Policy X was not found." */
    static ManagedPolicy require(Tx tx, String accountId, String policyArn) {
        return PolicyLookup.find(tx, accountId, policyArn)
                .orElseThrow(() -> ManagedPolicyStore.noSuchPolicy(policyArn));
    }

    /** A policy the caller may change: the account's own; AWS's exist but are refused. */
    private static void requireOwn(Tx tx, Principal caller, String policyArn, String action) {
        ManagedPolicy p = require(tx, caller.accountId(), policyArn);
        if (p.isAwsManaged()) {
            throw IamException.accessDenied(caller.describe() + " is not authorized to perform: " + action
                    + " on resource: policy " + policyArn);
        }
    }

    /** Ascends as version numbers descend (v10 before v9), so that the pages run newest first. */
    private static String newestFirstKey(String versionId) {
        return String.format(java.util.Locale.ROOT, "%020d", Long.MAX_VALUE - PolicyVersion.number(versionId));
    }

    /** IAM reports dates to the second. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
