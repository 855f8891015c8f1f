package io.sigil.server.sigv4.internal;

/**
 * "Create a signed AWS API request", step 3:
 * <pre>
 * Algorithm \n RequestDateTime \n CredentialScope \n HashedCanonicalRequest
 * </pre>
 */
public final class StringToSign {
    private StringToSign() {
    }

    public static String of(String requestDateTime, CredentialScope scope, CanonicalRequest canonicalRequest) {
        return AuthParser.ALGORITHM + '\n' + requestDateTime + '\n' + scope.scope() + '\n'
                + canonicalRequest.hashHex();
    }

    /** Step 5: the signature is the lowercase hex HMAC-SHA256 of the string to sign under the signing key. */
    public static String signature(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }
}
