package io.sigil.iam.service;

import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageMarkers;
import io.sigil.iam.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pages a list held in memory the way the store pages its queries (IAM API Reference, List* operations:
 * {@code Marker}, {@code MaxItems}, {@code IsTruncated}): items in sort-key order, the marker an opaque token for
 * the last sort key returned, the next page strictly after it. Used where a list joins several sources (customer
 * and AWS managed policies) or is bounded by a quota (attachments, versions, tags).
 */
final class ListPages {

    private ListPages() {
    }

    /** @param sorted ascending by {@code sortKey}, keys distinct */
    static <T> Page<T> page(List<T> sorted, Function<T, String> sortKey, PageRequest page) {
        String after = PageMarkers.after(page);
        List<T> items = new ArrayList<>(page.maxItems());
        for (T item : sorted) {
            if (after != null && sortKey.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == page.maxItems()) {
                return new Page<>(items, PageMarkers.encode(sortKey.apply(items.get(items.size() - 1))));
            }
            items.add(item);
        }
        return new Page<>(items, null);
    }
}
