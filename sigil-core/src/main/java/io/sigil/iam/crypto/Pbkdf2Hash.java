package io.sigil.iam.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted hashes of passwords and other secrets that must be verified but never recovered (DESIGN.md, "Secrets
 * and credentials": "passwords only as a slow salted hash (PBKDF2 or stronger)"): PBKDF2-HMAC-SHA256 (RFC 8018 §5.2)
 * with a 16-byte random salt and a 32-byte output.
 *
 * <p>Stored form: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and hash in unpadded base64. The iteration count
 * travels with the hash, so it can be raised later without invalidating stored hashes. The default,
 * {@value #DEFAULT_ITERATIONS}, is OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256. Verification
 * compares in constant time.
 */
public final class Pbkdf2Hash {

    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public Pbkdf2Hash(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
    }

    public static Pbkdf2Hash standard() {
        return new Pbkdf2Hash(DEFAULT_ITERATIONS);
    }

    /** The stored form of a fresh hash of {@code secret}. */
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(secret, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code secret} is the one {@code stored} was made from; false for a stored form it cannot read. */
    public static boolean verify(String secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return rounds > 0 && ConstantTime.equals(derive(secret, salt, rounds), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "Pbkdf2Hash[" + SCHEME + ", " + iterations + " iterations]";
    }
}
