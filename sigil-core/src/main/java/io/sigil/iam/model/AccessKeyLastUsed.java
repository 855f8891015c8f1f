package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * GetAccessKeyLastUsed's answer (spec §5.4): when, for which service namespace ({@code s3}, {@code iam}) and in
 * which region ({@code N/A} for global services).
 */
public record AccessKeyLastUsed(Instant date, String serviceName, String region) {

    public AccessKeyLastUsed {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(region, "region");
    }

    // Written out, as ChangeEvent's: a record's own equals and hashCode are linked through invokedynamic
    // (java.lang.runtime.ObjectMethods) at their first call, which LatestPerKey.merge makes on the request path:
    // ~15 ms of the second signed call with a key after a start (async-profiler, wall clock).
    @Override
    public boolean equals(Object o) {
        return o instanceof AccessKeyLastUsed u && date.equals(u.date) && serviceName.equals(u.serviceName)
                && region.equals(u.region);
    }

    @Override
    public int hashCode() {
        return (date.hashCode() * 31 + serviceName.hashCode()) * 31 + region.hashCode();
    }
}
