/**
 * The JDBC implementation of {@link io.sigil.iam.store.Store} (DESIGN.md, "Storage"): SQLite by default,
 * PostgreSQL for many nodes, schema by Flyway, cache invalidation by LISTEN/NOTIFY.
 */
package io.sigil.store;
