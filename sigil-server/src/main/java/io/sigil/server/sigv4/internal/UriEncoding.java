package io.sigil.server.sigv4.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4 defines it ("URI-encode each parameter name and value according to the following rules:
 * do not encode any of the unreserved characters that RFC 3986 defines: A-Z, a-z, 0-9, hyphen, underscore, period
 * and tilde; percent-encode all other characters with %XY, where X and Y are uppercase hexadecimal characters; encode
 * the space character as %20 (not '+')").
 */
public final class UriEncoding {
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static boolean isUnreserved(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~';
    }

    /** Encodes every byte that is not unreserved; with {@code keepSlash}, '/' stays as it is (for paths). */
    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (isUnreserved(b) || (keepSlash && b == '/')) {
                sb.append((char) b);
            } else {
                sb.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xF]);
            }
        }
        return sb.toString();
    }

    static String encode(String s) {
        return encode(s.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Decodes %XY escapes to bytes. A '+' stays a '+' (the AWS signing suite's get-query-plus case signs "c+d" as
     * "c%2Bd"), and a '%' not followed by two hex digits stays literal.
     */
    static byte[] decode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xFF;
            if (b == '%' && i + 2 < in.length && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
                out.write(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static String decodeToString(String s) {
        return new String(decode(s), StandardCharsets.UTF_8);
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
