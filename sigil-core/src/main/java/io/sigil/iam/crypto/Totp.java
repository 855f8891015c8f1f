package io.sigil.iam.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 over the HOTP of RFC 4226: the counter is the number of 30-second steps
 * since the Unix epoch (T0 = 0, X = 30, RFC 6238 §4.1), the code the dynamically truncated HMAC (RFC 4226 §5.3)
 * modulo 10^digits. IAM's virtual MFA devices use HMAC-SHA1 and six digits ("generates a six-digit numeric code
 * based upon a time-synchronized one-time password algorithm", IAM User Guide, "Virtual MFA devices"); SHA-256 and
 * SHA-512 are here for RFC 6238 Appendix B's test vectors.
 */
public final class Totp {

    /** RFC 6238 §5.2: "We RECOMMEND a default time-step size of 30 seconds." */
    public static final int STEP_SECONDS = 30;
    /** The code length of IAM's virtual MFA devices. */
    public static final int DIGITS = 6;

    /** The HMAC of RFC 6238 §1.2 ("TOTP implementations MAY use HMAC-SHA-256 or HMAC-SHA-512 functions"). */
    public enum Algorithm {
        SHA1("HmacSHA1"),
        SHA256("HmacSHA256"),
        SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step that contains {@code time}: floor(unix seconds / 30). */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** IAM's code: six digits, HMAC-SHA1, zero-padded. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS, Algorithm.SHA1);
    }

    /** RFC 4226 §5.3 HOTP value of counter {@code step}, zero-padded to {@code digits} (1 to 8). */
    public static String code(byte[] key, long step, int digits, Algorithm algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits is 1 to 8: " + digits);
        }
        byte[] hash = hmac(algorithm, key, ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String otp = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - otp.length()) + otp;
    }

    /**
     * The step in {@code [fromStep, toStep]} whose code equals {@code code}, the one nearest {@code preferred} when
     * several do. Every step is computed and compared in constant time, so the time taken does not tell which one
     * matched.
     */
    public static OptionalLong match(byte[] key, String code, long fromStep, long toStep, long preferred) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long best = 0;
        boolean found = false;
        for (long s = fromStep; s <= toStep; s++) {
            boolean equal = MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.US_ASCII), given);
            if (equal && (!found || Math.abs(s - preferred) < Math.abs(best - preferred))) {
                best = s;
                found = true;
            }
        }
        return found ? OptionalLong.of(best) : OptionalLong.empty();
    }

    private static byte[] hmac(Algorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(key, "RAW"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jca + " is not available", e);
        }
    }
}
