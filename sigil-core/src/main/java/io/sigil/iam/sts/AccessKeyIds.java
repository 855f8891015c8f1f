package io.sigil.iam.sts;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Access key ids that carry their account, as AWS's do. AWS has not documented the layout, but GetAccessKeyInfo
 * answers for any key id, of any account, without a lookup, and the layout it reads is well known from public
 * research (Aidan Steele, "Goodbye, AWS access key IDs"; Tal Be'ery, 2023): after the four-letter prefix, the next
 * 16 characters are RFC 4648 base32 of ten bytes, and bits 46..7 of the first six bytes (mask
 * {@code 0x7fffffffff80}) are the 12-digit account number.
 *
 * <p>Sigil's temporary ({@code ASIA…}) key ids are made in that layout, so GetAccessKeyInfo decodes them like any
 * other; the remaining 55 bits are random.
 */
public final class AccessKeyIds {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long ACCOUNT_MASK = 0x7fffffffff80L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeyIds() {
    }

    /** A fresh {@code ASIA…} key id (20 characters) whose bits name {@code accountId}. */
    public static String temporary(String accountId) {
        long account = Long.parseLong(accountId);
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        long head = (account << 7) | (bytes[5] & 0x7f) | ((long) (bytes[0] & 0x80) << 40);
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (head >>> (8 * (5 - i)));
        }
        return "ASIA" + base32(bytes);
    }

    /**
     * The account a key id names, read from its bits as AWS's GetAccessKeyInfo does; empty if the id is not a
     * prefix and 16 base32 characters.
     */
    public static Optional<String> accountOf(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() != 20) {
            return Optional.empty();
        }
        long head = 0;
        int bits = 0;
        long value = 0;
        int read = 0;
        for (int i = 4; i < 20 && read < 48; i++) {
            int v = BASE32.indexOf(accessKeyId.charAt(i));
            if (v < 0) {
                return Optional.empty();
            }
            value = (value << 5) | v;
            bits += 5;
            while (bits >= 8 && read < 48) {
                head = (head << 8) | ((value >>> (bits - 8)) & 0xff);
                bits -= 8;
                read += 8;
            }
        }
        for (int i = 4; i < 20; i++) {
            if (BASE32.indexOf(accessKeyId.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        long account = (head & ACCOUNT_MASK) >>> 7;
        return Optional.of(String.format(java.util.Locale.ROOT, "%012d", account));
    }

    private static String base32(byte[] bytes) {
        StringBuilder sb = new StringBuilder(16);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >>> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        return sb.toString();
    }
}
