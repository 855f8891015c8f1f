package io.sigil.iam.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.store.Store;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The signing keys of the outbound issuers: made per account and algorithm on first use, kept in the store (the
 * private half sealed), published as a JWK Set. RS256 keys are RSA 2048 (RFC 7518 §3.3 asks for at least 2048
 * bits); ES384 keys are on P-384 (RFC 7518 §3.4).
 */
final class JwtKeys {
    static final String RS256 = "RS256";
    static final String ES384 = "ES384";
    /** GetWebIdentityToken's SigningAlgorithm: "Valid values are RS256 ... and ES384". */
    static final List<String> ALGORITHMS = List.of(RS256, ES384);
    private static final int RSA_BITS = 2048;

    private final Store store;
    private final Clock clock;

    JwtKeys(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account's key for {@code algorithm}, made now if it has none. */
    JwtSigningKey get(String accountId, String algorithm) {
        return find(accountId, algorithm).orElseGet(() -> {
            JwtSigningKey made = generate(accountId, algorithm, clock.instant());
            store.write(tx -> tx.outboundFederation().addSigningKey(made));
            return find(accountId, algorithm).orElseThrow();
        });
    }

    private java.util.Optional<JwtSigningKey> find(String accountId, String algorithm) {
        return store.read(tx -> tx.outboundFederation().signingKeys(accountId)).stream()
                .filter(k -> k.algorithm().equals(algorithm)).findFirst();
    }

    /** A new key pair for {@code algorithm}, with a random kid. */
    static JwtSigningKey generate(String accountId, String algorithm, java.time.Instant now) {
        try {
            KeyPairGenerator g;
            if (algorithm.equals(RS256)) {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(RSA_BITS);
            } else {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp384r1"));
            }
            KeyPair kp = g.generateKeyPair();
            return new JwtSigningKey(accountId, algorithm, UUID.randomUUID().toString(), kp.getPublic().getEncoded(),
                    kp.getPrivate().getEncoded(), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + algorithm + " keys", e);
        }
    }

    /** A signer for tokens under this key. */
    static JWSSigner signer(JwtSigningKey key) {
        try {
            if (key.algorithm().equals(RS256)) {
                return new RSASSASigner(privateKey("RSA", key));
            }
            return new ECDSASigner((ECPrivateKey) privateKey("EC", key));
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("unusable signing key " + key.keyId(), e);
        }
    }

    static JWSAlgorithm algorithm(JwtSigningKey key) {
        return JWSAlgorithm.parse(key.algorithm());
    }

    /** The public keys as a JWK Set: {@code {"keys":[...]}}, each with kid, alg and use "sig". */
    static String jwkSet(List<JwtSigningKey> keys) {
        List<JWK> jwks = new ArrayList<>();
        for (JwtSigningKey k : keys) {
            jwks.add(publicJwk(k));
        }
        return new JWKSet(jwks).toString(true);
    }

    private static JWK publicJwk(JwtSigningKey k) {
        try {
            if (k.algorithm().equals(RS256)) {
                return new RSAKey.Builder((RSAPublicKey) publicKey("RSA", k)).keyID(k.keyId())
                        .algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).build();
            }
            return new ECKey.Builder(Curve.P_384, (ECPublicKey) publicKey("EC", k)).keyID(k.keyId())
                    .algorithm(JWSAlgorithm.ES384).keyUse(KeyUse.SIGNATURE).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable public key " + k.keyId(), e);
        }
    }

    private static PublicKey publicKey(String kind, JwtSigningKey k) throws GeneralSecurityException {
        return KeyFactory.getInstance(kind).generatePublic(new X509EncodedKeySpec(k.publicKey()));
    }

    private static PrivateKey privateKey(String kind, JwtSigningKey k) throws GeneralSecurityException {
        return KeyFactory.getInstance(kind).generatePrivate(new PKCS8EncodedKeySpec(k.privateKey()));
    }
}
