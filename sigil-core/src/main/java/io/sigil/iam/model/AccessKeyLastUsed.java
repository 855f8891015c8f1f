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
}
