package io.sigil.server.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import io.sigil.iam.model.Tag;
import io.sigil.iam.sts.WebIdentityClaims;
import io.sigil.iam.sts.WebIdentityErrors;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The claims AssumeRoleWithWebIdentity reads from a verified token. Session tags come from the
 * {@code https://aws.amazon.com/tags} claim (IAM User Guide, "Passing session tags using
 * AssumeRoleWithWebIdentity"): {@code {"principal_tags": {"Project": ["Automation"]}, "transitive_tag_keys":
 * ["Project"]}}, each tag with one value; a source identity from {@code https://aws.amazon.com/source_identity}.
 * A claim of the wrong JSON type makes the token invalid.
 */
final class WebIdentityClaimsReader {
    static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
    static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";
    /**
     * STS's limits on session tags (STS API Reference, AssumeRole › Tags: "You can pass up to 50 session tags", keys
     * 1–128 and values 0–256 characters, "aws:" reserved), applied to the tags a token passes.
     */
    static final int MAX_TAGS = 50;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;

    private WebIdentityClaimsReader() {
    }

    static WebIdentityClaims read(JWTClaimsSet c) {
        try {
            Map<String, Object> tagsClaim = c.getJSONObjectClaim(TAGS_CLAIM);
            return new WebIdentityClaims(c.getIssuer(), c.getSubject(), c.getAudience(), c.getStringClaim("azp"),
                    instant(c.getExpirationTime()), instant(c.getNotBeforeTime()), instant(c.getIssueTime()),
                    strings(c.getClaim("amr")), principalTags(tagsClaim), transitiveKeys(tagsClaim),
                    c.getStringClaim(SOURCE_IDENTITY_CLAIM));
        } catch (ParseException | ClassCastException e) {
            throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_VALIDATED);
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** A string or an array of strings, as {@code amr} and tag values come. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            out.add((String) o);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Tag> principalTags(Map<String, Object> claim) {
        if (claim == null || claim.get("principal_tags") == null) {
            return List.of();
        }
        List<Tag> tags = new ArrayList<>();
        for (Map.Entry<String, ?> e : ((Map<String, ?>) claim.get("principal_tags")).entrySet()) {
            List<String> values = strings(e.getValue());
            if (values.size() != 1) {
                throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_VALIDATED);
            }
            String key = e.getKey();
            String value = values.get(0);
            if (key.isEmpty() || key.length() > MAX_KEY || value.length() > MAX_VALUE
                    || key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_VALIDATED);
            }
            tags.add(new Tag(key, value));
        }
        if (tags.size() > MAX_TAGS) {
            throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_VALIDATED);
        }
        return tags;
    }

    private static List<String> transitiveKeys(Map<String, Object> claim) {
        return claim == null ? List.of() : strings(claim.get("transitive_tag_keys"));
    }
}
