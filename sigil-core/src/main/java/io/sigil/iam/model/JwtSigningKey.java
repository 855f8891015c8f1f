package io.sigil.iam.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key an account's outbound issuer signs web identity tokens with (STS API Reference, "GetWebIdentityToken":
 * "The token is signed using the specified signing algorithm and can be verified using the verification keys
 * available at the issuer's JWKS endpoint"). One key per account and algorithm.
 *
 * @param algorithm  the JWS algorithm: {@code RS256} or {@code ES384}
 * @param keyId      the {@code kid} of the JWKS entry and of the tokens' header
 * @param publicKey  X.509 SubjectPublicKeyInfo (DER)
 * @param privateKey PKCS#8 (DER); the store keeps it sealed, never in clear
 */
public record JwtSigningKey(String accountId, String algorithm, String keyId, byte[] publicKey, byte[] privateKey,
                            Instant createDate) {
    public JwtSigningKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(createDate, "createDate");
        publicKey = publicKey.clone();
        privateKey = privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JwtSigningKey k && k.accountId.equals(accountId) && k.algorithm.equals(algorithm)
                && k.keyId.equals(keyId) && Arrays.equals(k.publicKey, publicKey)
                && Arrays.equals(k.privateKey, privateKey) && k.createDate.equals(createDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, algorithm, keyId);
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "JwtSigningKey[" + accountId + ", " + algorithm + ", " + keyId + "]";
    }
}
