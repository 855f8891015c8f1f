package io.sigil.iam.service;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;
import java.util.List;
import java.util.Objects;

/**
 * Inline policies embedded in users and groups, and in roles through the same code (IAM API Reference:
 * Put/Get/Delete/List User, Group and Role policies; spec §1.6).
 *
 * <p>A put validates the document as an identity-based policy with the inline rules (a missing {@code Version}
 * is accepted, as IAM accepts it for inline policies) and answers the engine's first error as
 * {@code MalformedPolicyDocument}, with IAM's message. It then stores the document as submitted, byte for byte, and
 * checks the owner's aggregate inline size ("the total aggregate policy size (the sum size of all inline policies)
 * per entity cannot exceed" 2,048 characters for a user, 5,120 for a group, 10,240 for a role; "IAM doesn't count
 * white space when calculating the size of a policy"). The check runs after the write, under the lock on the owner
 * that the write took, so racing puts cannot together pass the quota; exceeding it rolls the write back. The answer
 * is AWS's: {@code LimitExceeded} "Maximum policy size of 2048 bytes exceeded for user NAME".
 *
 * <p>Policy names are matched case-insensitively (a put under an existing name in another case replaces that
 * policy and its spelling); documents and names come back as stored.
 */
public final class InlinePolicyService {

    private final Store store;
    private final Limits limits;

    /** Inline policies carry no dates, so unlike other services this one needs no clock. */
    public InlinePolicyService(Store store, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Put{User,Group,Role}Policy: creates or replaces the owner's policy of that name.
     *
     * @throws IamException NoSuchEntity for an unknown owner; MalformedPolicyDocument; LimitExceeded past the
     *     owner's aggregate size
     */
    public void put(String accountId, PolicyOwnerKind kind, String ownerName, String policyName, String document) {
        Objects.requireNonNull(document, "document");
        store.write(tx -> {
            String owner = canonicalOwner(tx, accountId, kind, ownerName);
            ValidationReport report = PolicyValidator.validateInline(document, PolicyType.IDENTITY);
            if (report.hasErrors()) {
                throw IamException.malformedPolicyDocument(report.firstErrorMessage());
            }
            tx.inlinePolicies().put(new InlinePolicy(accountId, kind, owner, policyName, document));
            checkAggregateSize(tx.inlinePolicies().all(accountId, kind, owner), kind, owner);
        });
    }

    /**
     * Get{User,Group,Role}Policy: the policy as stored, with the owner's and the policy's stored spelling.
     *
     * @throws IamException NoSuchEntity for an unknown owner ("The user with name X cannot be found.") or policy
     *     ("The user policy with name X cannot be found.")
     */
    public InlinePolicy get(String accountId, PolicyOwnerKind kind, String ownerName, String policyName) {
        return store.read(tx -> tx.inlinePolicies().get(accountId, kind, canonicalOwner(tx, accountId, kind,
                ownerName), policyName));
    }

    /** Delete{User,Group,Role}Policy. @throws IamException NoSuchEntity for an unknown owner or policy */
    public void delete(String accountId, PolicyOwnerKind kind, String ownerName, String policyName) {
        store.write(tx -> tx.inlinePolicies().delete(accountId, kind, ownerName, policyName));
    }

    /**
     * List{User,Group,Role}Policies: the names, ordered case-insensitively; "If there are no inline policies
     * embedded with the specified user, the operation returns an empty list."
     *
     * @throws IamException NoSuchEntity for an unknown owner; InvalidInput for a bad marker
     */
    public Page<String> list(String accountId, PolicyOwnerKind kind, String ownerName, PageRequest page) {
        return store.read(tx -> tx.inlinePolicies().listNames(accountId, kind, ownerName, page));
    }

    /** The aggregate quota of one kind of owner, in non-whitespace characters. */
    public int aggregateQuota(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> limits.userPolicySize();
            case GROUP -> limits.groupPolicySize();
            case ROLE -> limits.rolePolicySize();
        };
    }

    /** The size that counts against the aggregate quota: the sum of the documents, whitespace not counted. */
    public static int aggregateSize(List<InlinePolicy> policies) {
        return policies.stream().mapToInt(p -> PolicyValidator.nonWhitespaceSize(p.document())).sum();
    }

    private void checkAggregateSize(List<InlinePolicy> all, PolicyOwnerKind kind, String owner) {
        int quota = aggregateQuota(kind);
        if (aggregateSize(all) > quota) {
            // The wording AWS answers, e.g. "Maximum policy size of 5120 bytes exceeded for group travis-ci".
            throw IamException.limitExceeded("Maximum policy size of " + quota + " bytes exceeded for "
                    + kind.noun() + " " + owner);
        }
    }

    /** The owner's name as stored, or NoSuchEntity in AWS's words. */
    private static String canonicalOwner(Tx tx, String accountId, PolicyOwnerKind kind, String ownerName) {
        return switch (kind) {
            case USER -> tx.users().get(accountId, ownerName).name();
            case GROUP -> tx.groups().get(accountId, ownerName).name();
            case ROLE -> tx.roles().get(accountId, ownerName).name();
        };
    }
}
