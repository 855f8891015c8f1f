package io.sigil.store.internal;

/** A row with its paging sort key, as read from the database. */
record Keyed<T>(String sortKey, T value) {
}
