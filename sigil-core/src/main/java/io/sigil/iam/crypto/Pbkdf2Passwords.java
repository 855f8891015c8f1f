package io.sigil.iam.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console passwords stored only as slow salted hashes (DESIGN.md, "Secrets and credentials"): PBKDF2 with
 * HMAC-SHA256 (RFC 8018 §5.2), a 16-byte random salt, a 32-byte output and {@value #DEFAULT_ITERATIONS}
 * iterations, OWASP Password Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA256 when it was written (2021; the
 * 2023 edition asks 600,000, which every stored hash can move to: the count is part of each hash and
 * {@link #needsRehash} says when one is below this instance's).
 *
 * <p>Encoding, versioned so that the scheme can change without guessing: {@code $pbkdf2-sha256$v=1$i=310000$SALT$HASH}
 * with SALT and HASH in unpadded base64. Verification derives with the stored salt and count and compares in
 * constant time.
 */
public final class Pbkdf2Passwords {

    public static final int DEFAULT_ITERATIONS = 310_000;
    /** Below this only tests may go, to keep their derivations fast; production uses {@link #standard()}. */
    public static final int MIN_ITERATIONS = 1_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    private static final String PREFIX = "$pbkdf2-sha256$v=1$i=";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** A parsed hash. */
    public record Hash(int iterations, byte[] salt, byte[] hash) {
        public Hash {
            salt = salt.clone();
            hash = hash.clone();
        }

        public String encoded() {
            return PREFIX + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        }
    }

    private final int iterations;

    public Pbkdf2Passwords(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations: " + iterations);
        }
        this.iterations = iterations;
    }

    /** {@value #DEFAULT_ITERATIONS} iterations. */
    public static Pbkdf2Passwords standard() {
        return new Pbkdf2Passwords(DEFAULT_ITERATIONS);
    }

    public int iterations() {
        return iterations;
    }

    /** A new hash of {@code password} under a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hash(iterations, salt, derive(password, salt, iterations)).encoded();
    }

    /**
     * The hash of {@code password} under the salt and count of {@code reference}, so that it can be compared with
     * every hash that shares them at the cost of one derivation (the password history does this).
     */
    public String hashLike(String password, String reference) {
        Hash ref = parse(reference);
        return new Hash(ref.iterations(), ref.salt(), derive(password, ref.salt(), ref.iterations())).encoded();
    }

    /** Whether {@code password} is the one {@code encoded} was made from; constant-time in the hash bytes. */
    public boolean verify(String password, String encoded) {
        Hash h = parse(encoded);
        return MessageDigest.isEqual(derive(password, h.salt(), h.iterations()), h.hash());
    }

    /** Constant-time equality of two encoded hashes (same salt and count assumed by the caller). */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(parse(a).hash(), parse(b).hash());
    }

    /** True when {@code encoded} uses fewer iterations than this instance: rehash it at the next sign-in. */
    public boolean needsRehash(String encoded) {
        return parse(encoded).iterations() < iterations;
    }

    /** @throws IllegalArgumentException if {@code encoded} is not a version-1 hash of this scheme */
    public static Hash parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a $pbkdf2-sha256$v=1 hash");
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed $pbkdf2-sha256$v=1 hash");
        }
        return new Hash(Integer.parseInt(parts[0]), B64D.decode(parts[1]), B64D.decode(parts[2]));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "Pbkdf2Passwords[HMAC-SHA256, " + iterations + " iterations]";
    }
}
