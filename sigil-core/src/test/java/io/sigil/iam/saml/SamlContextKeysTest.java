package io.sigil.iam.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.policy.ContextValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SamlContextKeys}: the saml:* keys of an assertion (IAM User Guide; spec §7, §10 G69). */
class SamlContextKeysTest {

    private static SamlAssertion assertion(String format, Map<String, List<String>> attributes) {
        return new SamlAssertion("https://example.com/saml", "jdoe", format,
                "https://signin.aws.amazon.com/saml", null, attributes);
    }

    /** Spec §10 G69, the worked value. */
    @Test
    void nameQualifier_isBase64OfSha1OfIssuerAccountSlashProvider() {
        assertThat(SamlContextKeys.nameQualifier("https://example.com/saml", "123456789012", "MySAMLIdP"))
                .isEqualTo("1uAJanUnBc2XeUkHURMht+xam2c=");
    }

    @Test
    void audIssSubSubTypeDocAndNameQualifier_comeFromTheAssertionAndTheProvider() {
        Map<String, ContextValue> k = SamlContextKeys.of(assertion(
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", Map.of()), "123456789012", "MySAMLIdP");

        assertThat(k.get("saml:aud")).isEqualTo(ContextValue.of("https://signin.aws.amazon.com/saml"));
        assertThat(k.get("saml:iss")).isEqualTo(ContextValue.of("https://example.com/saml"));
        assertThat(k.get("saml:sub")).isEqualTo(ContextValue.of("jdoe"));
        assertThat(k.get("saml:sub_type")).isEqualTo(ContextValue.of("persistent"));
        assertThat(k.get("saml:doc")).isEqualTo(ContextValue.of("123456789012/MySAMLIdP"));
        assertThat(k.get("saml:namequalifier")).isEqualTo(ContextValue.of("1uAJanUnBc2XeUkHURMht+xam2c="));
    }

    @Test
    void subjectType_dropsTheSaml2FormatPrefix_keepsOtherFormats_andDefaultsToUnspecified() {
        assertThat(SamlContextKeys.subjectType("urn:oasis:names:tc:SAML:2.0:nameid-format:transient"))
                .isEqualTo("transient");
        assertThat(SamlContextKeys.subjectType("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"))
                .isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(SamlContextKeys.subjectType(null))
                .isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
    }

    @Test
    void eduPersonAndX500Attributes_mapToTheirKeys_listKeysKeepEveryValue() {
        Map<String, ContextValue> k = SamlContextKeys.of(assertion(null, Map.of(
                "urn:oid:1.3.6.1.4.1.5923.1.1.1.1", List.of("staff", "student"),
                "urn:oid:1.3.6.1.4.1.5923.1.1.1.6", List.of("jdoe@example.com"),
                "urn:oid:2.5.4.3", List.of("John Doe"),
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("jdoe@example.com"),
                "https://example.com/unmapped", List.of("x"))), "123456789012", "Idp");

        assertThat(k.get("saml:edupersonaffiliation")).isEqualTo(ContextValue.ofList(List.of("staff", "student")));
        assertThat(k.get("saml:edupersonprincipalname")).isEqualTo(ContextValue.of("jdoe@example.com"));
        assertThat(k.get("saml:cn")).isEqualTo(ContextValue.ofList(List.of("John Doe")));
        assertThat(k.get("saml:commonName")).isEqualTo(ContextValue.of("John Doe"));
        assertThat(k.get("saml:mail")).isEqualTo(ContextValue.of("jdoe@example.com"));
        assertThat(k.keySet()).noneMatch(key -> key.contains("unmapped"));
    }
}
