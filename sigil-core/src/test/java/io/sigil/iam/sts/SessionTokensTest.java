package io.sigil.iam.sts;

import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTokensTest {
    private static final Instant ISSUED = Instant.parse("2024-05-07T10:00:00Z");
    private final SecretBox master = SecretBox.random();
    private final SessionTokens tokens = new SessionTokens(master);

    static Session federated(String keyId) {
        return new Session(SessionKind.FEDERATED_USER, "123456789012", keyId,
                "arn:aws:iam::123456789012:user/token-app", "AIDAEXAMPLEEXAMPLE123", "Carol", ISSUED,
                ISSUED.plusSeconds(3600), ISSUED.minusSeconds(5), "{\"Statement\":[]}",
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of(new Tag("Project", "Pegasus")),
                List.of("Project"), "carol@example.com", false);
    }

    @Test
    void issuedToken_opensToTheSameSession_withItsKeyId() {
        String keyId = AccessKeyIds.temporary("123456789012");
        IssuedCredentials c = tokens.issue(federated(keyId));
        assertThat(c.accessKeyId()).isEqualTo(keyId).startsWith("ASIA").hasSize(20);
        assertThat(c.secretAccessKey()).hasSize(40);
        assertThat(tokens.open(keyId, c.sessionToken())).contains(federated(keyId));
    }

    @Test
    void secret_isDerivedFromKeyIdAndToken_soAnyNodeWithTheMasterKeyRecomputesIt() {
        String keyId = AccessKeyIds.temporary("123456789012");
        IssuedCredentials c = tokens.issue(federated(keyId));
        assertThat(new SessionTokens(master).secretFor(keyId, c.sessionToken())).isEqualTo(c.secretAccessKey());
        assertThat(tokens.secretFor(keyId, c.sessionToken() + "x")).isNotEqualTo(c.secretAccessKey());
    }

    @Test
    void tokenAlteredInAnyByte_doesNotOpen() {
        String keyId = AccessKeyIds.temporary("123456789012");
        byte[] raw = Base64.getDecoder().decode(tokens.issue(federated(keyId)).sessionToken());
        for (int i = 1; i < raw.length; i += 7) {
            byte[] bad = raw.clone();
            bad[i] ^= 0x01;
            assertThat(tokens.open(keyId, Base64.getEncoder().encodeToString(bad))).as("byte %d", i).isEmpty();
        }
    }

    @Test
    void tokenSealedUnderAnotherMasterKey_doesNotOpen() {
        String keyId = AccessKeyIds.temporary("123456789012");
        IssuedCredentials c = new SessionTokens(SecretBox.random()).issue(federated(keyId));
        assertThat(tokens.open(keyId, c.sessionToken())).isEmpty();
    }

    @Test
    void tokenPresentedWithAnotherKeyId_doesNotOpen() {
        String keyId = AccessKeyIds.temporary("123456789012");
        IssuedCredentials c = tokens.issue(federated(keyId));
        assertThat(tokens.open(AccessKeyIds.temporary("123456789012"), c.sessionToken())).isEmpty();
    }

    @Test
    void tokenOfUnknownFormatVersion_doesNotOpen() {
        String keyId = AccessKeyIds.temporary("123456789012");
        byte[] raw = Base64.getDecoder().decode(tokens.issue(federated(keyId)).sessionToken());
        assertThat(raw[0]).isEqualTo(SessionTokens.FORMAT);
        raw[0] = 2;
        assertThat(tokens.open(keyId, Base64.getEncoder().encodeToString(raw))).isEmpty();
    }

    @Test
    void payloadOfUnknownVersion_isRejectedByTheCodec() {
        byte[] payload = SessionCodec.encode(federated("ASIAEXAMPLEEXAMPLE12"));
        payload[0] = 9;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionCodec.decode(payload))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageTokens_doNotOpen() {
        String keyId = AccessKeyIds.temporary("123456789012");
        assertThat(tokens.open(keyId, "not base64 !")).isEmpty();
        assertThat(tokens.open(keyId, "")).isEmpty();
        assertThat(tokens.open(keyId, "AQ==")).isEmpty();
    }

    @Test
    void expiredSession_stillOpens_soTheServerCanAnswerExpiredToken() {
        String keyId = AccessKeyIds.temporary("123456789012");
        Session s = federated(keyId);
        assertThat(s.expiresAt()).isBefore(Instant.now());
        assertThat(tokens.open(keyId, tokens.issue(s).sessionToken())).isPresent();
    }

    @Test
    void sessionToken_withoutOptionalFields_roundTrips() {
        String keyId = AccessKeyIds.temporary("123456789012");
        Session s = new Session(SessionKind.SESSION_TOKEN, "123456789012", keyId,
                "arn:aws:iam::123456789012:root", "123456789012", null, ISSUED, ISSUED.plusSeconds(900), null,
                null, List.of(), List.of(), List.of(), null, false);
        assertThat(tokens.open(keyId, tokens.issue(s).sessionToken())).contains(s);
    }
}
