package io.sigil.iam.sts;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.iam.saml.SamlAssertion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS attributes of a SAML assertion (IAM User Guide, "Configure SAML assertions for the authentication
 * response"; "Passing session tags using AssumeRoleWithSAML"; "Monitor and control actions taken with assumed roles"
 * › SourceIdentity; spec §5.1, §10 G70). Attribute names are case-sensitive.
 *
 * @param roleSessionName   {@code …/RoleSessionName}: "[a-zA-Z_0-9+=,.@-]{2,64}"
 * @param sessionDuration   {@code …/SessionDuration} in seconds, or null
 * @param tags              {@code …/PrincipalTag:KEY}, one value each
 * @param transitiveTagKeys {@code …/TransitiveTagKeys}
 * @param sourceIdentity    {@code …/SourceIdentity}, or null
 */
public record SamlSessionClaims(String roleSessionName, Integer sessionDuration, List<Tag> tags,
                                List<String> transitiveTagKeys, String sourceIdentity) {

    public static final String PREFIX = "https://aws.amazon.com/SAML/Attributes/";
    public static final String ROLE = PREFIX + "Role";
    public static final String ROLE_SESSION_NAME = PREFIX + "RoleSessionName";
    public static final String SESSION_DURATION = PREFIX + "SessionDuration";
    public static final String PRINCIPAL_TAG = PREFIX + "PrincipalTag:";
    public static final String TRANSITIVE_TAG_KEYS = PREFIX + "TransitiveTagKeys";
    public static final String SOURCE_IDENTITY = PREFIX + "SourceIdentity";

    /** "SessionDuration ... can be a value from 900 seconds (15 minutes) to 43200 seconds (12 hours)." */
    public static final int MIN_SESSION_DURATION = 900;
    public static final int MAX_SESSION_DURATION = 43_200;
    /** "You can pass up to 50 session tags"; keys up to 128 characters, values up to 256 (IAM User Guide). */
    public static final int MAX_TAGS = 50;

    static final String NO_ROLE = "SAML Assertion doesn't contain the requested Role and Metadata in the attributes";
    static final String NO_SESSION_NAME = "RoleSessionName is required in AuthnResponse";
    static final String BAD_SESSION_NAME = "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}";
    static final String BAD_DURATION = "SessionDuration in AuthnResponse must be an integer between 900 and 43200";
    static final String BAD_TAGS = "PrincipalTag attributes in AuthnResponse must be single-valued, at most 50, with "
            + "keys of 1 to 128 and values of 0 to 256 characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    static final String BAD_TRANSITIVE = "TransitiveTagKeys in AuthnResponse must name PrincipalTag attributes";
    static final String BAD_SOURCE_IDENTITY = "SourceIdentity in AuthnResponse must match [\\w+=,.@-]{2,64} "
            + "and must not begin with aws:";

    private static final Pattern SESSION_NAME = Pattern.compile("[a-zA-Z_0-9+=,.@-]{2,64}");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern SOURCE_IDENTITY_TEXT = Pattern.compile("[\\w+=,.@-]{2,64}");

    public SamlSessionClaims {
        tags = List.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    /**
     * The Role attribute must hold the requested pair "roleArn,providerArn", in either order ("Configure SAML
     * assertions": "Each value ... a comma-separated pair"). Whitespace around the parts is ignored.
     *
     * @throws IamException InvalidIdentityToken with AWS's text
     */
    public static void requireRolePair(SamlAssertion a, String roleArn, String providerArn) {
        for (String value : a.values(ROLE)) {
            String[] parts = value.split(",");
            if (parts.length == 2) {
                String x = parts[0].strip();
                String y = parts[1].strip();
                if ((x.equals(roleArn) && y.equals(providerArn)) || (x.equals(providerArn) && y.equals(roleArn))) {
                    return;
                }
            }
        }
        throw invalid(NO_ROLE);
    }

    /** @throws IamException InvalidIdentityToken for a missing or malformed attribute */
    public static SamlSessionClaims of(SamlAssertion a) {
        List<String> names = a.values(ROLE_SESSION_NAME);
        if (names.isEmpty()) {
            throw invalid(NO_SESSION_NAME);
        }
        if (names.size() != 1 || !SESSION_NAME.matcher(names.get(0)).matches()) {
            throw invalid(BAD_SESSION_NAME);
        }
        return new SamlSessionClaims(names.get(0), duration(a), tags(a), transitive(a), sourceIdentity(a));
    }

    private static Integer duration(SamlAssertion a) {
        List<String> v = a.values(SESSION_DURATION);
        if (!a.has(SESSION_DURATION)) {
            return null;
        }
        try {
            int d = v.size() == 1 ? Integer.parseInt(v.get(0)) : -1;
            if (d < MIN_SESSION_DURATION || d > MAX_SESSION_DURATION) {
                throw invalid(BAD_DURATION);
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(BAD_DURATION);
        }
    }

    private static List<Tag> tags(SamlAssertion a) {
        List<Tag> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var e : a.attributes().entrySet()) {
            if (!e.getKey().startsWith(PRINCIPAL_TAG)) {
                continue;
            }
            String key = e.getKey().substring(PRINCIPAL_TAG.length());
            List<String> values = e.getValue();
            if (values.size() != 1 || key.isEmpty() || key.length() > 128 || values.get(0).length() > 256
                    || !TAG_TEXT.matcher(key).matches() || !TAG_TEXT.matcher(values.get(0)).matches()
                    || !seen.add(key.toLowerCase(Locale.ROOT))) {
                throw invalid(BAD_TAGS);
            }
            out.add(new Tag(key, values.get(0)));
        }
        if (out.size() > MAX_TAGS) {
            throw invalid(BAD_TAGS);
        }
        return out;
    }

    /** Transitive keys must be keys of the session tags (IAM User Guide, "Chaining roles with session tags"). */
    private static List<String> transitive(SamlAssertion a) {
        List<String> keys = a.values(TRANSITIVE_TAG_KEYS);
        Set<String> tagged = new HashSet<>();
        a.attributes().keySet().stream().filter(n -> n.startsWith(PRINCIPAL_TAG))
                .forEach(n -> tagged.add(n.substring(PRINCIPAL_TAG.length()).toLowerCase(Locale.ROOT)));
        for (String k : keys) {
            if (!tagged.contains(k.toLowerCase(Locale.ROOT))) {
                throw invalid(BAD_TRANSITIVE);
            }
        }
        return keys;
    }

    private static String sourceIdentity(SamlAssertion a) {
        if (!a.has(SOURCE_IDENTITY)) {
            return null;
        }
        List<String> v = a.values(SOURCE_IDENTITY);
        if (v.size() != 1 || !SOURCE_IDENTITY_TEXT.matcher(v.get(0)).matches()
                || v.get(0).toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw invalid(BAD_SOURCE_IDENTITY);
        }
        return v.get(0);
    }

    private static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }
}
