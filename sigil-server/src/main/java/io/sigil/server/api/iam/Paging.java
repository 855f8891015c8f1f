package io.sigil.server.api.iam;

import io.sigil.iam.store.PageRequest;

/**
 * The paging members of List* requests (IAM API Reference, e.g. "ListAccessKeys": {@code Marker}; {@code MaxItems}
 * "If you do not include this parameter, the number of items defaults to 100"). Their ranges were checked by the
 * protocol layer before a handler runs.
 */
final class Paging {

    private Paging() {
    }

    static PageRequest of(String marker, Integer maxItems) {
        return new PageRequest("/", marker, maxItems == null ? PageRequest.DEFAULT_MAX_ITEMS : maxItems);
    }
}
