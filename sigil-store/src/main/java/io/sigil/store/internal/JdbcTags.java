package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.TagStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags of users, roles, managed policies, instance profiles, virtual MFA devices and server certificates. IAM User
 * Guide, "Tags for IAM resources" › "Case sensitivity": a tag key is unique case-insensitively and keeps the case
 * last given. An MFA device's owner name is its serial number.
 */
final class JdbcTags implements TagStore {

    private final JdbcTx tx;

    JdbcTags(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public void tag(String accountId, TaggableKind kind, String ownerName, List<Tag> tags) {
        String ownerId = lockOwner(accountId, kind, ownerName);
        requireDistinctKeys(kind, tags);
        Set<String> keys = new HashSet<>();
        tx.db.query("SELECT " + keyColumn(kind) + " FROM " + table(kind) + " WHERE owner_id = ?",
                rs -> rs.getString(1), ownerId).forEach(keys::add);
        tags.forEach(t -> keys.add(keyOf(kind, t.key())));
        requireWithinQuota(kind, keys.size());
        for (Tag t : tags) {
            tx.db.update("DELETE FROM " + table(kind) + " WHERE owner_id = ? AND " + keyColumn(kind) + " = "
                    + keyParameter(kind), ownerId, t.key());
            insert(tx, kind, ownerId, t);
        }
        if (entityKind(kind) != null) {
            tx.changed(entityKind(kind), accountId, ownerId);
        }
    }

    @Override
    public void untag(String accountId, TaggableKind kind, String ownerName, Collection<String> keys) {
        String ownerId = lockOwner(accountId, kind, ownerName);
        for (String key : keys) {
            tx.db.update("DELETE FROM " + table(kind) + " WHERE owner_id = ? AND " + keyColumn(kind) + " = "
                    + keyParameter(kind), ownerId, key);
        }
        if (entityKind(kind) != null) {
            tx.changed(entityKind(kind), accountId, ownerId);
        }
    }

    @Override
    public Page<Tag> list(String accountId, TaggableKind kind, String ownerName, PageRequest page) {
        String ownerId = ownerId(accountId, kind, ownerName);
        SqlArgs q = new SqlArgs("SELECT tag_key, value, " + keyColumn(kind) + " AS sort_key FROM " + table(kind)
                + " WHERE owner_id = ?", ownerId)
                .addIf(Markers.after(page), " AND " + keyColumn(kind) + " > ?")
                .add(" ORDER BY " + keyColumn(kind) + " LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), rs -> new Keyed<>(Db.text(rs, "sort_key"),
                new Tag(Db.text(rs, "tag_key"), Db.text(rs, "value"))), q.args()), page, Keyed::sortKey)
                .map(Keyed::value);
    }

    /**
     * The key column as the kind compares keys: without case for users and roles, exactly for the others
     * ({@link TaggableKind#keysIgnoreCase}); each table's unique index is on the same expression.
     */
    private static String keyColumn(TaggableKind kind) {
        return kind.keysIgnoreCase() ? "lower(tag_key)" : "tag_key";
    }

    private static String keyParameter(TaggableKind kind) {
        return kind.keysIgnoreCase() ? "lower(?)" : "?";
    }

    private static String keyOf(TaggableKind kind, String key) {
        return kind.keysIgnoreCase() ? key.toLowerCase(Locale.ROOT) : key;
    }

    /** Tags of a new entity. */
    static void insertNew(JdbcTx tx, TaggableKind kind, String ownerId, List<Tag> tags) {
        requireDistinctKeys(kind, tags);
        if (tags.size() > tx.limits.tagsPerEntity()) {
            throw quota(tx, kind);
        }
        tags.forEach(t -> insert(tx, kind, ownerId, t));
    }

    /** Tags of several owners in one query, each list in key order. */
    static Map<String, List<Tag>> forOwners(JdbcTx tx, TaggableKind kind, List<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Map.of();
        }
        String marks = Db.placeholders(ownerIds.size());
        record Row(String owner, Tag tag) {
        }
        List<Row> rows = tx.db.query("SELECT owner_id, tag_key, value FROM " + table(kind) + " WHERE owner_id IN ("
                        + marks + ") ORDER BY owner_id, " + keyColumn(kind),
                rs -> new Row(Db.text(rs, 1), new Tag(Db.text(rs, 2), Db.text(rs, 3))), ownerIds.toArray());
        Map<String, List<Tag>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(r.tag()));
        return out;
    }

    private static void insert(JdbcTx tx, TaggableKind kind, String ownerId, Tag t) {
        tx.db.update("INSERT INTO " + table(kind) + " (owner_id, tag_key, value) VALUES (?, ?, ?)", ownerId, t.key(),
                t.value());
    }

    /**
     * AWS answers InvalidInput for one key given twice, in any case for users and roles; for the other kinds, whose
     * keys are case sensitive, only the same key twice is a duplicate (AWS's text for that is not on record; this is
     * its text for users and roles without the sentence about case).
     */
    private static void requireDistinctKeys(TaggableKind kind, List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            if (!seen.add(keyOf(kind, t.key()))) {
                throw IamException.invalidInput(kind.keysIgnoreCase()
                        ? "Duplicate tag keys found. Please note that Tag keys are case insensitive."
                        : "Duplicate tag keys found.");
            }
        }
    }

    private void requireWithinQuota(TaggableKind kind, int count) {
        if (count > tx.limits.tagsPerEntity()) {
            throw quota(tx, kind);
        }
    }

    /**
     * "Cannot exceed quota for TagsPerUser: 50", and so on. An OIDC provider's tags past the quota get IAM's other
     * text, as TagOpenIDConnectProvider answered a 51st tag in LocalStack's AWS-validated snapshots (2026).
     */
    private static IamException quota(JdbcTx tx, TaggableKind kind) {
        String name = switch (kind) {
            case USER -> "TagsPerUser";
            case ROLE -> "TagsPerRole";
            case POLICY -> "TagsPerPolicy";
            case INSTANCE_PROFILE -> "TagsPerInstanceProfile";
            case MFA_DEVICE -> "TagsPerMFADevice";
            case SERVER_CERTIFICATE -> "TagsPerServerCertificate";
            case SAML_PROVIDER -> "TagsPerSAMLProvider";
            case OIDC_PROVIDER -> null;
        };
        return name == null ? IamException.limitExceeded(IamException.TAG_LIMIT_REACHED)
                : IamException.quotaExceeded(name, tx.limits.tagsPerEntity());
    }

    /** A policy is named by its ARN; its account is the one in the ARN. */
    private String lockOwner(String accountId, TaggableKind kind, String ownerName) {
        return switch (kind) {
            case USER -> tx.users().lock(accountId, ownerName).id();
            case ROLE -> tx.roles().lock(accountId, ownerName).id();
            case POLICY -> tx.managedPolicies().lock(ownerName).id();
            case INSTANCE_PROFILE -> tx.instanceProfiles().lock(accountId, ownerName).id();
            case MFA_DEVICE -> tx.mfaDevices().lock(accountId, ownerName).serialNumber();
            case SERVER_CERTIFICATE -> tx.serverCertificates().lock(accountId, ownerName).id();
            case SAML_PROVIDER -> tx.samlProviders().lock(accountId, ownerName).uuid();
            case OIDC_PROVIDER -> tx.oidcProviders().lock(accountId, ownerName).id();
        };
    }

    private String ownerId(String accountId, TaggableKind kind, String ownerName) {
        return switch (kind) {
            case USER -> tx.users().get(accountId, ownerName).id();
            case ROLE -> tx.roles().get(accountId, ownerName).id();
            case POLICY -> tx.managedPolicies().find(ownerName)
                    .orElseThrow(() -> io.sigil.iam.store.ManagedPolicyStore.noSuchPolicy(ownerName)).id();
            case INSTANCE_PROFILE -> tx.instanceProfiles().get(accountId, ownerName).id();
            case MFA_DEVICE -> tx.mfaDevices().get(accountId, ownerName).serialNumber();
            case SERVER_CERTIFICATE -> tx.serverCertificates().get(accountId, ownerName).id();
            case SAML_PROVIDER -> tx.samlProviders().find(accountId, ownerName)
                    .orElseThrow(() -> io.sigil.iam.store.SamlProviderStore.noSuchProvider(
                            io.sigil.iam.Arns.samlProvider(accountId, ownerName))).uuid();
            case OIDC_PROVIDER -> tx.oidcProviders().get(accountId, ownerName).id();
        };
    }

    private static String table(TaggableKind kind) {
        return switch (kind) {
            case USER -> "user_tags";
            case ROLE -> "role_tags";
            case POLICY -> "policy_tags";
            case INSTANCE_PROFILE -> "instance_profile_tags";
            case MFA_DEVICE -> "mfa_device_tags";
            case SERVER_CERTIFICATE -> "server_certificate_tags";
            case SAML_PROVIDER -> "saml_provider_tags";
            case OIDC_PROVIDER -> "oidc_provider_tags";
        };
    }

    /** Null for server certificates, SAML and OIDC providers: nothing cached for authorization depends on their tags. */
    private static EntityKind entityKind(TaggableKind kind) {
        return switch (kind) {
            case USER -> EntityKind.USER;
            case ROLE -> EntityKind.ROLE;
            case POLICY -> EntityKind.POLICY;
            case INSTANCE_PROFILE -> EntityKind.INSTANCE_PROFILE;
            case MFA_DEVICE -> EntityKind.MFA_DEVICE;
            case SERVER_CERTIFICATE, SAML_PROVIDER, OIDC_PROVIDER -> null;
        };
    }
}
