package io.sigil.iam.store;

/**
 * Paging parameters of List* operations (API Reference, "ListUsers" › Request Parameters): {@code PathPrefix}
 * (default {@code /}, matches every path), {@code Marker} (from a previous page's answer) and {@code MaxItems}
 * (1–1000, default 100). Range checks that answer ValidationError belong to the protocol layer; this record only
 * refuses values the store cannot honour.
 */
public record PageRequest(String pathPrefix, String marker, int maxItems) {

    public static final int DEFAULT_MAX_ITEMS = 100;
    public static final int MAX_MAX_ITEMS = 1000;

    public PageRequest {
        pathPrefix = pathPrefix == null || pathPrefix.isEmpty() ? "/" : pathPrefix;
        if (maxItems < 1 || maxItems > MAX_MAX_ITEMS) {
            throw new IllegalArgumentException("MaxItems is 1 to 1000: " + maxItems);
        }
    }

    /** The first page of everything, 100 items. */
    public static PageRequest first() {
        return new PageRequest("/", null, DEFAULT_MAX_ITEMS);
    }

    public static PageRequest of(int maxItems) {
        return new PageRequest("/", null, maxItems);
    }

    public PageRequest after(String nextMarker) {
        return new PageRequest(pathPrefix, nextMarker, maxItems);
    }

    public PageRequest withPathPrefix(String prefix) {
        return new PageRequest(prefix, marker, maxItems);
    }
}
