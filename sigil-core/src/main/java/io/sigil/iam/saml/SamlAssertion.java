package io.sigil.iam.saml;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified SAML Response says, read only from the Assertion its IdP signed (IAM User Guide, "Configure SAML
 * assertions for the authentication response").
 *
 * @param issuer              the Assertion's Issuer, an IdP entityID of the provider's metadata
 * @param nameId              {@code Subject/NameID}, or null when the subject has none
 * @param nameIdFormat        the NameID's Format URI, or null when it has none
 * @param recipient           {@code SubjectConfirmationData/@Recipient} ({@code saml:aud}, the response's Audience)
 * @param sessionNotOnOrAfter {@code AuthnStatement/@SessionNotOnOrAfter}, or null
 * @param attributes          attribute name to values, in document order
 */
public record SamlAssertion(String issuer, String nameId, String nameIdFormat, String recipient,
                            Instant sessionNotOnOrAfter, Map<String, List<String>> attributes) {
    public SamlAssertion {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(recipient, "recipient");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    /** The values of an attribute (names are case-sensitive, "Configure SAML assertions"); empty when absent. */
    public List<String> values(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }
}
