package io.sigil.server.sigv4;

/**
 * The AWS error codes the verifier answers with, each with the HTTP status IAM and STS send. Statuses are from the
 * "Common Error Types" page of the IAM and STS API references; all are Sender faults.
 */
public enum SigV4ErrorCode {
    /** No Authorization header and no X-Amz-Algorithm query parameter. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
    /** The signature parameters are malformed or incomplete. */
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
    /** The access key id (or the session token of a temporary key) is not known. */
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    /** The session token's credentials have expired. */
    EXPIRED_TOKEN("ExpiredToken", 403),
    /** The signature is wrong, the credential scope is wrong, or the request time is outside the clock-skew window. */
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    /** A presigned request used after {@code X-Amz-Date + X-Amz-Expires}. */
    REQUEST_EXPIRED("RequestExpired", 400);

    private final String code;
    private final int httpStatus;

    SigV4ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The code as it appears in {@code <Error><Code>}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
