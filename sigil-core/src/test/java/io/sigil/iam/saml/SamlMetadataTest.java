package io.sigil.iam.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.error.IamException;
import io.sigil.iam.pki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SamlMetadata}: what IAM accepts as a SAML provider's metadata document. */
class SamlMetadataTest {

    private static final TestSaml.Idp IDP = TestSaml.Idp.create("https://idp.example.com/saml");

    private static void refused(String doc, String message) {
        IamException e = catchThrowableOfType(IamException.class, () -> SamlMetadata.parse(doc));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("InvalidInput");
        assertThat(e.safeMessage()).isEqualTo(message);
    }

    @Test
    void anEntityDescriptor_givesItsEntityIdAndSigningCertificates() {
        SamlMetadata m = SamlMetadata.parse(IDP.metadata());

        assertThat(m.identityProviders()).hasSize(1);
        assertThat(m.issuer("https://idp.example.com/saml").orElseThrow().signingCertificates())
                .containsExactly(IDP.certificate());
        assertThat(m.issuer("https://IDP.example.com/saml")).as("URIs compare exactly").isEmpty();
        assertThat(m.validUntil()).isEmpty();
    }

    @Test
    void anEntitiesDescriptor_givesEveryIdp_andValidUntil() {
        TestSaml.Idp other = TestSaml.Idp.create("https://other.example.com");
        String doc = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "validUntil=\"2030-01-01T00:00:00Z\">" + strip(IDP.metadata()) + strip(other.metadata())
                + "</md:EntitiesDescriptor>";

        SamlMetadata m = SamlMetadata.parse(doc);

        assertThat(m.identityProviders()).extracting(SamlMetadata.IdentityProvider::entityId)
                .containsExactly("https://idp.example.com/saml", "https://other.example.com");
        assertThat(m.validUntil()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static String strip(String doc) {
        return doc.substring(doc.indexOf("<md:EntityDescriptor"));
    }

    @Test
    void encryptionKeys_areNotSigningKeys() {
        refused(IDP.metadata().replace("use=\"signing\"", "use=\"encryption\""), "Could not parse metadata");
    }

    @Test
    void tenSigningKeysAreAccepted_elevenAreNot() {
        List<X509Certificate> certs = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            certs.add(TestPki.selfSigned(TestPki.sharedRsa(2048), "k" + i));
        }
        assertThat(SamlMetadata.parse(TestSaml.metadata("https://idp", certs.subList(0, 10))).identityProviders()
                .get(0).signingCertificates()).hasSize(10);
        refused(TestSaml.metadata("https://idp", certs), "Could not parse metadata");
    }

    @Test
    void keysOf1024BitsAreAccepted_1023BitsAreUnableToParseMetadata() {
        String ok = TestSaml.metadata("https://idp", List.of(TestPki.selfSigned(TestPki.rsa(1024), "k")));
        assertThat(SamlMetadata.parse(ok).identityProviders()).hasSize(1);
        String weak = TestSaml.metadata("https://idp", List.of(TestPki.selfSigned(TestPki.rsa(1023), "k")));
        refused(weak, "Unable to parse metadata");
    }

    @Test
    void aByteOrderMark_aDoctype_aMissingEntityIdAndACorruptCertificate_areCouldNotParseMetadata() {
        refused("\uFEFF" + IDP.metadata(), "Could not parse metadata");
        refused("<!DOCTYPE x [<!ENTITY e \"e\">]>" + strip(IDP.metadata()), "Could not parse metadata");
        refused(IDP.metadata().replace("entityID=\"https://idp.example.com/saml\"", ""), "Could not parse metadata");
        refused(IDP.metadata().replaceFirst("<ds:X509Certificate>MII", "<ds:X509Certificate>XXX"),
                "Could not parse metadata");
    }
}
