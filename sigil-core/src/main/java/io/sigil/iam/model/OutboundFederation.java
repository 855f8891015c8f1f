package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An account's outbound web identity federation setting (IAM API Reference, "EnableOutboundWebIdentityFederation":
 * "This operation also generates a unique issuer URL for your AWS account"). The issuer id is made once, at the
 * first enable, and kept when the feature is disabled: tokens issued before stay verifiable ("This operation does
 * not affect tokens that were issued before the feature was disabled"), so the issuer's JWKS must stay where it was.
 *
 * @param issuerId  the account's unique part of the issuer URL, never reused by another account
 * @param enabled   JwtVendingEnabled
 * @param changedAt when the setting last changed
 */
public record OutboundFederation(String accountId, String issuerId, boolean enabled, Instant changedAt) {
    public OutboundFederation {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public OutboundFederation withEnabled(boolean on, Instant at) {
        return new OutboundFederation(accountId, issuerId, on, at);
    }
}
