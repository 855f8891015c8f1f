package io.sigil.iam.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a List* answer (API Reference, "ListUsers" › Response: {@code IsTruncated}, {@code Marker}).
 *
 * @param nextMarker opaque; null when this is the last page
 */
public record Page<T>(List<T> items, String nextMarker) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean isTruncated() {
        return nextMarker != null;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextMarker);
    }
}
