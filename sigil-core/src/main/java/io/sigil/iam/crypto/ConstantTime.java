package io.sigil.iam.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Comparisons of secrets and signatures whose time does not depend on where the inputs first differ
 * ({@link MessageDigest#isEqual} is constant-time for equal lengths). Lengths of secrets and signatures are
 * public (fixed by format), so a length mismatch may return early.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }

    public static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
