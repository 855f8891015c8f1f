package io.sigil.iam.sts;

import io.sigil.iam.model.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims of a verified OpenID Connect ID token that AssumeRoleWithWebIdentity uses (OpenID Connect Core 1.0 §2,
 * "ID Token"; IAM User Guide, "Available keys for AWS OIDC federation", "Passing session tags using
 * AssumeRoleWithWebIdentity").
 *
 * @param audiences         {@code aud}, one or more
 * @param authorizedParty   {@code azp}, or null
 * @param expiresAt         {@code exp}, or null when the token has none
 * @param notBefore         {@code nbf}, or null
 * @param issuedAt          {@code iat}, or null
 * @param amr               {@code amr}, empty without
 * @param principalTags     session tags from {@code https://aws.amazon.com/tags} › {@code principal_tags}
 * @param transitiveTagKeys {@code https://aws.amazon.com/tags} › {@code transitive_tag_keys}
 * @param sourceIdentity    {@code https://aws.amazon.com/source_identity}, or null
 */
public record WebIdentityClaims(String issuer, String subject, List<String> audiences, String authorizedParty,
                                Instant expiresAt, Instant notBefore, Instant issuedAt, List<String> amr,
                                List<Tag> principalTags, List<String> transitiveTagKeys, String sourceIdentity) {
    public WebIdentityClaims {
        Objects.requireNonNull(issuer, "issuer");
        audiences = List.copyOf(audiences == null ? List.of() : audiences);
        amr = List.copyOf(amr == null ? List.of() : amr);
        principalTags = List.copyOf(principalTags == null ? List.of() : principalTags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys == null ? List.of() : transitiveTagKeys);
    }

    /** Whether the token passes session tags or transitive keys (which then need sts:TagSession). */
    public boolean hasSessionTags() {
        return !principalTags.isEmpty() || !transitiveTagKeys.isEmpty();
    }
}
