/**
 * JDBC detail of the store: connection handling per dialect, one class per entity table group, keyset paging
 * markers, the change bus and the PostgreSQL listener. No other module imports this package.
 */
package io.sigil.store.internal;
