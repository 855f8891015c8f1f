package io.sigil.server.api.iam;

import java.nio.charset.StandardCharsets;

/**
 * How IAM returns policy documents: "The policy document returned in this structure is URL-encoded compliant with
 * RFC 3986" (IAM API Reference, GetUserPolicy › PolicyDocument; also GetRolePolicy, GetPolicyVersion, GetRole).
 * Every byte of the UTF-8 text except RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes
 * {@code %XX} with upper-case hex, so a space is {@code %20} (never {@code +}), a newline {@code %0A}, a quote
 * {@code %22}: what AWS answers ({@code %7B%0A%20%20%20%20%22Version%22%3A%20%222012-10-17%22...}). The AWS CLI and
 * boto3 decode it with {@code urllib.parse.unquote}; the Java SDK hands it over as is, to be decoded with
 * {@code URLDecoder.decode(doc, UTF_8)}, which reads both forms of a space the same way.
 */
public final class PolicyDocumentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PolicyDocumentEncoding() {
    }

    /** The document as IAM sends it. */
    public static String encode(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3 / 2);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
