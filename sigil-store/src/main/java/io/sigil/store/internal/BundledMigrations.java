package io.sigil.store.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The migration scripts that ship in {@code db/migration/<dialect>/}, named once here in version order.
 *
 * <p>Why a list and not a listing of the classpath: Flyway finds the scripts by scanning the classpath location,
 * which inside the server's jar means walking all of the jar's entries, and that is the cost the start without
 * Flyway saves. Both dialects have the same scripts. {@code BundledMigrationsTest} fails the build when this list
 * and either directory differ (a script added without naming it here, a name left after its script was removed),
 * or when Flyway would order or checksum them otherwise.
 */
final class BundledMigrations {

    static final List<String> FILE_NAMES = List.of(
            "V1__iam_entities.sql",
            "V2__managed_policies.sql",
            "V3__roles_instance_profiles.sql",
            "V4__passwords_and_mfa.sql",
            "V5__keys_and_certificates.sql",
            "V6__oidc_providers.sql",
            "V7__saml_providers.sql",
            "V9__last_accessed.sql",
            "V10__sts_preferences.sql",
            "V11__outbound_federation_and_delegation.sql",
            "V12__case_sensitive_tag_keys.sql");

    private BundledMigrations() {
    }

    /** The dialect's scripts, read from the classpath, in the order Flyway applies them. */
    static List<MigrationScript> load(Dialect dialect) {
        List<MigrationScript> scripts = new ArrayList<>(FILE_NAMES.size());
        for (String name : FILE_NAMES) {
            scripts.add(MigrationScript.load(dialect, name));
        }
        return List.copyOf(scripts);
    }
}
