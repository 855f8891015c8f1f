package io.sigil.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sigil.iam.model.JwtSigningKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JwtKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES384"})
    void aTokenSignedWithAGeneratedKey_verifiesWithThePublicKeyTheJwkSetPublishes(String alg) throws Exception {
        JwtSigningKey key = JwtKeys.generate("123456789012", alg, Instant.now());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JwtKeys.algorithm(key)).keyID(key.keyId()).build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(JwtKeys.signer(key));

        JWK published = JWKSet.parse(JwtKeys.jwkSet(List.of(key))).getKeyByKeyId(key.keyId());
        JWSVerifier v = published instanceof ECKey ec ? new ECDSAVerifier(ec)
                : new RSASSAVerifier(published.toRSAKey());
        assertThat(SignedJWT.parse(jwt.serialize()).verify(v)).isTrue();
        assertThat(published.getAlgorithm().getName()).isEqualTo(alg);
        assertThat(published.getKeyUse().identifier()).isEqualTo("sig");
    }

    @Test
    void theJwkSet_carriesNoPrivateKeyMaterial() {
        String set = JwtKeys.jwkSet(List.of(JwtKeys.generate("123456789012", "RS256", Instant.now()),
                JwtKeys.generate("123456789012", "ES384", Instant.now())));
        assertThat(set).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"")
                .doesNotContain("\"dp\"").doesNotContain("\"qi\"");
    }

    @Test
    void rs256Keys_areRsa2048_andEs384KeysAreOnP384() throws Exception {
        JWK rsa = JWKSet.parse(JwtKeys.jwkSet(List.of(JwtKeys.generate("1", "RS256", Instant.now())))).getKeys()
                .get(0);
        JWK ec = JWKSet.parse(JwtKeys.jwkSet(List.of(JwtKeys.generate("1", "ES384", Instant.now())))).getKeys()
                .get(0);
        assertThat(rsa.size()).isEqualTo(2048);
        assertThat(((ECKey) ec).getCurve().getName()).isEqualTo("P-384");
    }
}
