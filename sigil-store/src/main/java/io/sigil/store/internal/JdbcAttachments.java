package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.store.EntityKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Managed policies attached to users, groups and roles, by policy ARN (customer or AWS managed), and the counts
 * GetPolicy reports: {@code AttachmentCount} (users, groups and roles it is attached to) and
 * {@code PermissionsBoundaryUsageCount} (users and roles whose permissions boundary it is).
 */
final class JdbcAttachments {

    private final JdbcTx tx;

    JdbcAttachments(JdbcTx tx) {
        this.tx = tx;
    }

    /**
     * IAM User Guide, "IAM object quotas": "Managed policies attached to an IAM user / group / role: 10", answered
     * as "Cannot exceed quota for PoliciesPerRole: 10". The entity row is locked so racing attaches serialise.
     */
    void attach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn) {
        Owner owner = lockOwner(accountId, kind, entityName);
        String table = table(kind);
        if (tx.db.count("SELECT count(*) FROM " + table + " WHERE owner_id = ? AND policy_arn = ?", owner.id(),
                policyArn) > 0) {
            return;
        }
        if (tx.db.count("SELECT count(*) FROM " + table + " WHERE owner_id = ?", owner.id())
                >= tx.limits.attachedPoliciesPerEntity()) {
            throw IamException.quotaExceeded(quotaName(kind), tx.limits.attachedPoliciesPerEntity());
        }
        tx.db.update("INSERT INTO " + table + " (owner_id, policy_arn) VALUES (?, ?)", owner.id(), policyArn);
        tx.changed(entityKind(kind), accountId, owner.id());
    }

    boolean detach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn) {
        Owner owner = lockOwner(accountId, kind, entityName);
        int n = tx.db.update("DELETE FROM " + table(kind) + " WHERE owner_id = ? AND policy_arn = ?", owner.id(),
                policyArn);
        if (n > 0) {
            tx.changed(entityKind(kind), accountId, owner.id());
        }
        return n > 0;
    }

    List<String> attached(String accountId, PolicyOwnerKind kind, String entityName) {
        Owner owner = owner(accountId, kind, entityName);
        return tx.db.query("SELECT policy_arn FROM " + table(kind) + " WHERE owner_id = ? ORDER BY policy_arn",
                rs -> rs.getString(1), owner.id());
    }

    List<PolicyEntity> entitiesFor(String accountId, String policyArn) {
        List<PolicyEntity> out = new ArrayList<>();
        for (PolicyOwnerKind kind : PolicyOwnerKind.values()) {
            out.addAll(tx.db.query("SELECT e.name, e.id, e.path FROM " + table(kind) + " a JOIN " + entityTable(kind)
                            + " e ON e.id = a.owner_id WHERE e.account_id = ? AND a.policy_arn = ? ORDER BY lower(e.name)",
                    rs -> new PolicyEntity(kind, rs.getString(1), rs.getString(2), rs.getString(3)), accountId,
                    policyArn));
        }
        return out;
    }

    PolicyUsage usage(String accountId, String policyArn) {
        long attachments = 0;
        for (PolicyOwnerKind kind : PolicyOwnerKind.values()) {
            attachments += tx.db.count("SELECT count(*) FROM " + table(kind) + " a JOIN " + entityTable(kind)
                    + " e ON e.id = a.owner_id WHERE e.account_id = ? AND a.policy_arn = ?", accountId, policyArn);
        }
        long boundaries = tx.db.count("SELECT count(*) FROM users WHERE account_id = ? AND permissions_boundary_arn = ?",
                accountId, policyArn)
                + tx.db.count("SELECT count(*) FROM roles WHERE account_id = ? AND permissions_boundary_arn = ?",
                accountId, policyArn);
        return new PolicyUsage((int) attachments, (int) boundaries);
    }

    Map<String, PolicyUsage> usages(String accountId) {
        Map<String, int[]> counts = new HashMap<>();
        for (PolicyOwnerKind kind : PolicyOwnerKind.values()) {
            tx.db.query("SELECT a.policy_arn, count(*) FROM " + table(kind) + " a JOIN " + entityTable(kind)
                    + " e ON e.id = a.owner_id WHERE e.account_id = ? GROUP BY a.policy_arn", rs -> {
                        counts.computeIfAbsent(rs.getString(1), k -> new int[2])[0] += rs.getInt(2);
                        return null;
                    }, accountId);
        }
        for (String table : List.of("users", "roles")) {
            tx.db.query("SELECT permissions_boundary_arn, count(*) FROM " + table + " WHERE account_id = ? "
                    + "AND permissions_boundary_arn IS NOT NULL GROUP BY permissions_boundary_arn", rs -> {
                        counts.computeIfAbsent(rs.getString(1), k -> new int[2])[1] += rs.getInt(2);
                        return null;
                    }, accountId);
        }
        Map<String, PolicyUsage> out = new HashMap<>();
        counts.forEach((arn, c) -> out.put(arn, new PolicyUsage(c[0], c[1])));
        return out;
    }

    private record Owner(String id) {
    }

    private Owner lockOwner(String accountId, PolicyOwnerKind kind, String name) {
        return new Owner(switch (kind) {
            case USER -> tx.users().lock(accountId, name).id();
            case GROUP -> ((JdbcGroups) tx.groups()).lock(accountId, name).id();
            case ROLE -> tx.roles().lock(accountId, name).id();
        });
    }

    private Owner owner(String accountId, PolicyOwnerKind kind, String name) {
        return new Owner(switch (kind) {
            case USER -> tx.users().get(accountId, name).id();
            case GROUP -> tx.groups().get(accountId, name).id();
            case ROLE -> tx.roles().get(accountId, name).id();
        });
    }

    static String table(PolicyOwnerKind kind) {
        return kind.noun() + "_attached_policies";
    }

    private static String entityTable(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> "users";
            case GROUP -> "iam_groups";
            case ROLE -> "roles";
        };
    }

    /** The quota names IAM puts in LimitExceeded: PoliciesPerUser, PoliciesPerGroup, PoliciesPerRole. */
    private static String quotaName(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> "PoliciesPerUser";
            case GROUP -> "PoliciesPerGroup";
            case ROLE -> "PoliciesPerRole";
        };
    }

    private static EntityKind entityKind(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> EntityKind.USER;
            case GROUP -> EntityKind.GROUP;
            case ROLE -> EntityKind.ROLE;
        };
    }
}
