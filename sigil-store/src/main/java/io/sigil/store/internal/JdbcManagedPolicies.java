package io.sigil.store.internal;

import io.sigil.iam.PolicyArn;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.ManagedPolicyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer managed policies and their versions (IAM User Guide, "Versioning IAM policies"). A policy row keeps the
 * number of its default version and the next number to issue, which only grows: deleting v2 and v4 of five versions
 * and creating two more gives v6 and v7 (spec §10 H78). Attachments are in {@link JdbcAttachments}.
 */
final class JdbcManagedPolicies implements ManagedPolicyStore {

    private static final String COLS = "p.id, p.account_id, p.name, p.path, p.description, p.default_version, "
            + "p.next_version, p.create_date, p.update_date, p.version";
    private static final String BY_ARN =
            " FROM managed_policies p WHERE p.account_id = ? AND lower(p.name) = lower(?) AND p.path = ?";

    private final JdbcTx tx;
    private final JdbcAttachments attachments;

    JdbcManagedPolicies(JdbcTx tx) {
        this.tx = tx;
        this.attachments = new JdbcAttachments(tx);
    }

    @Override
    public ManagedPolicy create(ManagedPolicy policy, String document) {
        tx.lockAccount(policy.accountId());
        if (tx.db.count("SELECT count(*) FROM managed_policies WHERE account_id = ? AND lower(name) = lower(?)",
                policy.accountId(), policy.name()) > 0) {
            throw alreadyExists(policy.name());
        }
        if (tx.db.count("SELECT count(*) FROM managed_policies WHERE account_id = ?", policy.accountId())
                >= tx.limits.policiesPerAccount()) {
            throw IamException.quotaExceeded("PoliciesPerAccount", tx.limits.policiesPerAccount());
        }
        tx.guarded(() -> tx.db.update("INSERT INTO managed_policies (id, account_id, name, path, description, "
                        + "default_version, next_version, create_date, update_date, version) "
                        + "VALUES (?, ?, ?, ?, ?, 1, 2, ?, ?, 0)", policy.id(), policy.accountId(), policy.name(),
                policy.path(), policy.description(), policy.createDate(), policy.updateDate()),
                () -> alreadyExists(policy.name()), null);
        tx.db.update("INSERT INTO policy_versions (policy_id, version_num, document, create_date) VALUES (?, 1, ?, ?)",
                policy.id(), document, policy.createDate());
        JdbcTags.insertNew(tx, TaggableKind.POLICY, policy.id(), policy.tags());
        tx.changed(EntityKind.POLICY, policy.accountId(), policy.id());
        return find(policy.arn()).orElseThrow();
    }

    @Override
    public Optional<ManagedPolicy> find(String policyArn) {
        return row(policyArn, "").map(Row::policy).map(this::withTags);
    }

    @Override
    public ManagedPolicy lock(String policyArn) {
        return row(policyArn, tx.dialect.forUpdate()).map(Row::policy).map(this::withTags)
                .orElseThrow(() -> ManagedPolicyStore.noSuchPolicy(policyArn));
    }

    @Override
    public List<ManagedPolicy> list(String accountId) {
        return tx.db.query("SELECT " + COLS + " FROM managed_policies p "
                + "WHERE p.account_id = ? ORDER BY lower(p.name)", rs -> map(rs).policy(), accountId);
    }

    /**
     * API Reference, "DeletePolicy": "you must first detach the policy from all users, groups, and roles that it is
     * attached to. In addition, you must delete all the policy's versions." A policy in use as a permissions
     * boundary cannot be deleted either.
     */
    @Override
    public void delete(String policyArn) {
        Row row = lockedRow(policyArn);
        PolicyUsage usage = attachments.usage(row.policy().accountId(), row.policy().arn());
        if (usage.isAttached() || usage.isUsedAsBoundary()) {
            throw IamException.deleteConflict("Cannot delete a policy attached to entities.");
        }
        if (tx.db.count("SELECT count(*) FROM policy_versions WHERE policy_id = ?", row.policy().id()) > 1) {
            throw IamException.deleteConflict("This policy has more than one version. Before you delete a policy, "
                    + "you must delete the policy's versions. The default version is deleted with the policy.");
        }
        tx.db.update("DELETE FROM managed_policies WHERE id = ?", row.policy().id());
        tx.changed(EntityKind.POLICY, row.policy().accountId(), row.policy().id());
    }

    @Override
    public PolicyVersion createVersion(String policyArn, String document, boolean setAsDefault, Instant now) {
        Row row = lockedRow(policyArn);
        if (tx.db.count("SELECT count(*) FROM policy_versions WHERE policy_id = ?", row.policy().id())
                >= tx.limits.versionsPerPolicy()) {
            throw IamException.limitExceeded("A managed policy can have up to " + tx.limits.versionsPerPolicy()
                    + " versions. Before you create a new version, you must delete an existing version.");
        }
        long number = row.nextVersion();
        tx.db.update("INSERT INTO policy_versions (policy_id, version_num, document, create_date) VALUES (?, ?, ?, ?)",
                row.policy().id(), number, document, now);
        tx.db.update("UPDATE managed_policies SET next_version = ?, default_version = ?, update_date = ?, "
                        + "version = version + 1 WHERE id = ?", number + 1,
                setAsDefault ? number : row.defaultVersion(), now, row.policy().id());
        tx.changed(EntityKind.POLICY, row.policy().accountId(), row.policy().id());
        return new PolicyVersion(row.policy().arn(), PolicyVersion.id(number), document, setAsDefault, now);
    }

    @Override
    public List<PolicyVersion> versions(String policyArn) {
        Row row = row(policyArn, "").orElseThrow(() -> ManagedPolicyStore.noSuchPolicy(policyArn));
        return tx.db.query("SELECT version_num, document, create_date FROM policy_versions WHERE policy_id = ? "
                + "ORDER BY version_num", rs -> version(row, rs), row.policy().id());
    }

    @Override
    public Optional<PolicyVersion> defaultVersion(String policyArn) {
        return row(policyArn, "").flatMap(row -> tx.db.queryOne("SELECT version_num, document, create_date "
                + "FROM policy_versions WHERE policy_id = ? AND version_num = ?", rs -> version(row, rs),
                row.policy().id(), row.defaultVersion()));
    }

    /** API Reference, "DeletePolicyVersion": "You cannot delete the default version from a policy". */
    @Override
    public void deleteVersion(String policyArn, String versionId) {
        Row row = lockedRow(policyArn);
        long number = requireVersion(row, versionId);
        if (number == row.defaultVersion()) {
            throw IamException.deleteConflict("Cannot delete the default version of a policy.");
        }
        tx.db.update("DELETE FROM policy_versions WHERE policy_id = ? AND version_num = ?", row.policy().id(),
                number);
        tx.changed(EntityKind.POLICY, row.policy().accountId(), row.policy().id());
    }

    @Override
    public ManagedPolicy setDefaultVersion(String policyArn, String versionId) {
        Row row = lockedRow(policyArn);
        long number = requireVersion(row, versionId);
        tx.db.update("UPDATE managed_policies SET default_version = ?, version = version + 1 WHERE id = ?", number,
                row.policy().id());
        tx.changed(EntityKind.POLICY, row.policy().accountId(), row.policy().id());
        return find(policyArn).orElseThrow();
    }

    @Override
    public void attach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn) {
        attachments.attach(accountId, kind, entityName, policyArn);
    }

    @Override
    public boolean detach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn) {
        return attachments.detach(accountId, kind, entityName, policyArn);
    }

    @Override
    public List<String> attached(String accountId, PolicyOwnerKind kind, String entityName) {
        return attachments.attached(accountId, kind, entityName);
    }

    @Override
    public List<PolicyEntity> entitiesFor(String accountId, String policyArn) {
        return attachments.entitiesFor(accountId, policyArn);
    }

    @Override
    public PolicyUsage usage(String accountId, String policyArn) {
        return attachments.usage(accountId, policyArn);
    }

    @Override
    public Map<String, PolicyUsage> usages(String accountId) {
        return attachments.usages(accountId);
    }

    /** The version's number, if the policy has it. */
    private long requireVersion(Row row, String versionId) {
        long number = PolicyVersion.number(versionId);
        if (number < 0 || tx.db.count("SELECT count(*) FROM policy_versions WHERE policy_id = ? AND version_num = ?",
                row.policy().id(), number) == 0) {
            throw ManagedPolicyStore.noSuchVersion(row.policy().arn(), versionId);
        }
        return number;
    }

    private Row lockedRow(String policyArn) {
        return row(policyArn, tx.dialect.forUpdate()).orElseThrow(() -> ManagedPolicyStore.noSuchPolicy(policyArn));
    }

    /** The row a customer managed policy ARN names; the name matches in any case, the path exactly. */
    private Optional<Row> row(String policyArn, String suffix) {
        Optional<PolicyArn> arn = PolicyArn.parse(policyArn).filter(a -> !a.isAwsManaged());
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        return tx.db.queryOne("SELECT " + COLS + BY_ARN + suffix, JdbcManagedPolicies::map, arn.get().accountId(),
                arn.get().name(), arn.get().path());
    }

    private ManagedPolicy withTags(ManagedPolicy p) {
        return p.withTags(JdbcTags.forOwners(tx, TaggableKind.POLICY, List.of(p.id())).getOrDefault(p.id(),
                List.of()));
    }

    private static PolicyVersion version(Row row, ResultSet rs) throws SQLException {
        long n = rs.getLong("version_num");
        return new PolicyVersion(row.policy().arn(), PolicyVersion.id(n), rs.getString("document"),
                n == row.defaultVersion(), Db.instant(rs, "create_date"));
    }

    private static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("A policy called " + name
                + " already exists. Duplicate names are not allowed.");
    }

    /** A policy row with the version counters the record does not carry. */
    private record Row(ManagedPolicy policy, long defaultVersion, long nextVersion) {
    }

    private static Row map(ResultSet rs) throws SQLException {
        long defaultVersion = rs.getLong("default_version");
        ManagedPolicy p = new ManagedPolicy(rs.getString("account_id"), rs.getString("name"), rs.getString("path"),
                rs.getString("id"), rs.getString("description"), PolicyVersion.id(defaultVersion),
                Db.instant(rs, "create_date"), Db.instant(rs, "update_date"), List.of(), rs.getLong("version"));
        return new Row(p, defaultVersion, rs.getLong("next_version"));
    }
}
