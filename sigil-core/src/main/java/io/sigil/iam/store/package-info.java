/**
 * The {@link io.sigil.iam.store.Store} interface: transactional operations on IAM entities, paging as the List*
 * APIs do it (Marker, MaxItems, IsTruncated), and change events for caches (DESIGN.md, "Storage").
 */
package io.sigil.iam.store;
