package io.sigil.iam.saml;

import io.sigil.policy.ContextValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code saml:*} condition keys of an AssumeRoleWithSAML request (IAM User Guide, "Available keys for SAML-based
 * AWS STS federation", "Mapping SAML attributes to AWS trust policy context keys", "Uniquely identifying users in
 * SAML-based federation"; spec §7, §10 G68–G69).
 *
 * <p>{@code saml:aud} is the Recipient ("the endpoint URL to which SAML assertions are presented"), {@code saml:iss}
 * the Issuer, {@code saml:sub} the NameID, {@code saml:sub_type} {@code persistent}, {@code transient} or the Format
 * URI, {@code saml:doc} {@code ACCOUNT/PROVIDER}, {@code saml:namequalifier}
 * {@code Base64(SHA1(issuer + account + "/" + provider))}. Attributes map by name (eduPerson and eduOrg OIDs, X.500
 * OIDs, Active Directory claim URIs); the keys marked multi-valued in the Service Authorization Reference are lists.
 */
public final class SamlContextKeys {

    private static final String NAMEID_FORMAT_PREFIX = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
    private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    private static final String EDU_PERSON = "urn:oid:1.3.6.1.4.1.5923.1.1.1.";
    private static final String EDU_ORG = "urn:oid:1.3.6.1.4.1.5923.1.2.1.";
    private static final String CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

    /** Attribute name → key, and whether the key is multi-valued ({@code [S} in the reference data). */
    private record Key(String name, boolean list) {
    }

    private static final Map<String, Key> ATTRIBUTES = attributes();

    private SamlContextKeys() {
    }

    private static Map<String, Key> attributes() {
        Map<String, Key> m = new HashMap<>();
        m.put(EDU_PERSON + "1", new Key("saml:edupersonaffiliation", true));
        m.put(EDU_PERSON + "2", new Key("saml:edupersonnickname", true));
        m.put(EDU_PERSON + "3", new Key("saml:edupersonorgdn", false));
        m.put(EDU_PERSON + "4", new Key("saml:edupersonorgunitdn", true));
        m.put(EDU_PERSON + "5", new Key("saml:edupersonprimaryaffiliation", false));
        m.put(EDU_PERSON + "6", new Key("saml:edupersonprincipalname", false));
        m.put(EDU_PERSON + "7", new Key("saml:edupersonentitlement", true));
        m.put(EDU_PERSON + "8", new Key("saml:edupersonprimaryorgunitdn", false));
        m.put(EDU_PERSON + "9", new Key("saml:edupersonscopedaffiliation", true));
        m.put(EDU_PERSON + "10", new Key("saml:edupersontargetedid", true));
        m.put(EDU_PERSON + "11", new Key("saml:edupersonassurance", true));
        m.put(EDU_ORG + "2", new Key("saml:eduorghomepageuri", true));
        m.put(EDU_ORG + "3", new Key("saml:eduorgidentityauthnpolicyuri", true));
        m.put(EDU_ORG + "4", new Key("saml:eduorglegalname", true));
        m.put(EDU_ORG + "5", new Key("saml:eduorgsuperioruri", true));
        m.put(EDU_ORG + "6", new Key("saml:eduorgwhitepagesuri", true));
        m.put("urn:oid:2.5.4.3", new Key("saml:cn", true));
        m.put("urn:oid:2.5.4.4", new Key("saml:surname", false));
        m.put("urn:oid:2.5.4.42", new Key("saml:givenName", false));
        m.put("urn:oid:2.5.4.45", new Key("saml:x500UniqueIdentifier", false));
        m.put("urn:oid:0.9.2342.19200300100.1.1", new Key("saml:uid", false));
        m.put("urn:oid:0.9.2342.19200300100.1.3", new Key("saml:mail", false));
        m.put("urn:oid:0.9.2342.19200300100.1.45", new Key("saml:organizationStatus", false));
        m.put(CLAIMS + "name", new Key("saml:name", false));
        m.put(CLAIMS + "givenname", new Key("saml:givenName", false));
        m.put(CLAIMS + "surname", new Key("saml:surname", false));
        m.put(CLAIMS + "emailaddress", new Key("saml:mail", false));
        m.put("http://schemas.xmlsoap.org/claims/CommonName", new Key("saml:commonName", false));
        m.put("http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid",
                new Key("saml:primaryGroupSID", false));
        return Map.copyOf(m);
    }

    /** The keys for one verified assertion presented to the provider {@code providerName} of {@code accountId}. */
    public static Map<String, ContextValue> of(SamlAssertion a, String accountId, String providerName) {
        Map<String, ContextValue> k = new HashMap<>();
        k.put("saml:aud", ContextValue.of(a.recipient()));
        k.put("saml:iss", ContextValue.of(a.issuer()));
        k.put("saml:doc", ContextValue.of(accountId + "/" + providerName));
        k.put("saml:namequalifier", ContextValue.of(nameQualifier(a.issuer(), accountId, providerName)));
        if (a.nameId() != null) {
            k.put("saml:sub", ContextValue.of(a.nameId()));
            k.put("saml:sub_type", ContextValue.of(subjectType(a.nameIdFormat())));
        }
        a.attributes().forEach((name, values) -> {
            Key key = ATTRIBUTES.get(name);
            if (key == null || values.isEmpty()) {
                return;
            }
            k.put(key.name(), key.list() ? ContextValue.ofList(values) : ContextValue.of(values.get(0)));
            if (name.equals("urn:oid:2.5.4.3")) { // the X.500 commonName is the same attribute as eduPerson's cn
                k.put("saml:commonName", ContextValue.of(values.get(0)));
            }
        });
        return k;
    }

    /**
     * "The SubjectType ... If the format includes the prefix urn:oasis:names:tc:SAML:2.0:nameid-format, that prefix
     * is removed ... If the format includes any other prefix, the format is returned with no modifications" (STS API
     * Reference, AssumeRoleWithSAML › SubjectType). A NameID without Format is SAML's unspecified format (Core §8.3.1).
     */
    public static String subjectType(String format) {
        String f = format == null || format.isBlank() ? UNSPECIFIED : format;
        return f.startsWith(NAMEID_FORMAT_PREFIX) ? f.substring(NAMEID_FORMAT_PREFIX.length()) : f;
    }

    /**
     * {@code BASE64(SHA1("https://example.com/saml" + "123456789012" + "/MySAMLIdP"))} (IAM User Guide, "Uniquely
     * identifying users in SAML-based federation"; spec §10 G69).
     */
    public static String nameQualifier(String issuer, String accountId, String providerName) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((issuer + accountId + "/" + providerName).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }
}
