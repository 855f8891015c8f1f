package io.sigil.store.internal;

import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageMarkers;
import io.sigil.iam.store.PageRequest;
import java.util.List;
import java.util.function.Function;

/**
 * Paging by keyset: a marker is the opaque (base64url) sort key of the last item returned, and the next page
 * starts strictly after it. Queries fetch {@code maxItems + 1} rows to learn whether the list is truncated, so no
 * count is needed and concurrent inserts never shift a page.
 */
public final class Markers {

    private Markers() {
    }

    /** The sort key after which the page starts, or null for the first page ({@link PageMarkers#after}). */
    public static String after(PageRequest page) {
        return PageMarkers.after(page);
    }

    /** The LIMIT to ask for: one more than a page. */
    public static int limit(PageRequest page) {
        return page.maxItems() + 1;
    }

    /** Cuts {@code rows} (fetched with {@link #limit}) to a page with the next marker when there are more. */
    public static <T> Page<T> page(List<T> rows, PageRequest page, Function<T, String> sortKey) {
        if (rows.size() <= page.maxItems()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, page.maxItems());
        String last = sortKey.apply(items.get(items.size() - 1));
        return new Page<>(items, PageMarkers.encode(last));
    }
}
