package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.SigV4Error;
import io.sigil.server.sigv4.SigV4ErrorCode;

import java.time.Duration;
import java.util.List;

/**
 * AWS's error texts, each with where it was seen. Sources:
 * <ul>
 * <li>[CE] "Common Error Types", IAM and STS API references (codes and HTTP statuses);</li>
 * <li>[STS] responses quoted in public issue threads: boto/boto3#756 (STS SignatureDoesNotMatch XML),
 *     aws/aws-cli#6676 (GetCallerIdentity, "Signature expired ... - 15 min."), cognitect-labs/aws-api#27 (STS,
 *     "Credential should be scoped to a valid region, not 'ap-southeast-2'. "), aws/aws-cli#5166 (IAM GetUser,
 *     SignatureDoesNotMatch), prowler-cloud/prowler#789 (STS ExpiredToken);</li>
 * <li>[HDR] AWS front-end texts for the Authorization header quoted in aws/aws-sdk-ruby#317 and
 *     brendanhay/amazonka#316 (IncompleteSignature "Authorization header requires ... Authorization=..."),
 *     aws/aws-sdk-go#289 ("... not a valid key=value pair (missing equal-sign) in Authorization header: '...'.");</li>
 * <li>[ORD] the error catalogue and check order of the server-side validator dacut/scratchstack-aws-signature
 *     (built against AWS's "Auth Error Ordering"), for texts not otherwise quoted: the query-string messages,
 *     "Unsupported AWS 'algorithm'", the 5-element credential, the scope-terminator and scope-date messages, and
 *     "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";</li>
 * <li>[EC2] "Request has expired." (RequestExpired, aws/aws-sdk-java#1443);</li>
 * <li>[SIGIL] Sigil's own wording where AWS's is not known (X-Amz-Expires outside 1..604800; the S3 texts for it
 *     were the model).</li>
 * </ul>
 */
public final class Errors {
    private Errors() {
    }

    /** [STS][CE] 403. */
    public static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";

    public static Rejection missingAuthenticationToken() {
        // [ORD][CE] 403
        return reject(SigV4ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    }

    public static Rejection incomplete(String message) {
        return reject(SigV4ErrorCode.INCOMPLETE_SIGNATURE, message);
    }

    /** [HDR] e.g. "Authorization header requires 'Signature' parameter. ... Authorization=AWS4-HMAC-SHA256 ...". */
    public static Rejection authorizationHeaderIncomplete(List<String> missing, String header) {
        return incomplete(String.join(" ", missing) + " Authorization=" + header);
    }

    /** [ORD] e.g. "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters." */
    public static Rejection queryIncomplete(List<String> missing) {
        return incomplete(String.join(" ", missing) + " Re-examine the query-string parameters.");
    }

    /** [HDR] */
    public static Rejection notKeyValue(String parameter, String header) {
        return incomplete("'" + parameter + "' not a valid key=value pair (missing equal-sign) in Authorization "
                + "header: '" + header + "'.");
    }

    /** [ORD] */
    public static Rejection unsupportedAlgorithm(String algorithm) {
        return incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'.");
    }

    /** [ORD] */
    public static Rejection badDate(String value) {
        return incomplete("Date must be in ISO-8601 'basic format'. Got '" + value
                + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /** [ORD] */
    public static Rejection credentialNotFiveParts(String credential) {
        return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                + " got '" + credential + "'");
    }

    /** [SIGIL] */
    public static Rejection badExpires(String value) {
        String message;
        try {
            long seconds = Long.parseLong(value);
            message = seconds < 0 ? "X-Amz-Expires must be non-negative"
                    : seconds == 0 ? "X-Amz-Expires must be at least 1 (in seconds)"
                    : "X-Amz-Expires must be less than a week (in seconds) that is 604800";
        } catch (NumberFormatException e) {
            message = "X-Amz-Expires should be a number";
        }
        return incomplete(message);
    }

    /** [STS] InvalidClientTokenId, 403. */
    public static Rejection invalidClientTokenId() {
        return reject(SigV4ErrorCode.INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid.");
    }

    /** [STS] ExpiredToken, 403. */
    public static Rejection expiredToken() {
        return reject(SigV4ErrorCode.EXPIRED_TOKEN, "The security token included in the request is expired");
    }

    public static Rejection signatureMismatch() {
        return mismatch(SIGNATURE_MISMATCH);
    }

    /** [ORD] */
    public static Rejection hostNotSigned() {
        return mismatch("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    /** [STS] "Signature expired: 20160609T184512Z is now earlier than 20160610T013008Z (20160610T014508Z - 15 min.)" */
    public static Rejection signatureExpired(String requestTime, String earliest, String now, Duration skew) {
        return mismatch("Signature expired: " + requestTime + " is now earlier than " + earliest + " (" + now + " - "
                + durationText(skew) + ".)");
    }

    /** [ORD] same shape as "Signature expired", seen with "+ 5 min." from other AWS services. */
    public static Rejection signatureNotYetCurrent(String requestTime, String latest, String now, Duration skew) {
        return mismatch("Signature not yet current: " + requestTime + " is still later than " + latest + " (" + now
                + " + " + durationText(skew) + ".)");
    }

    /** [EC2][CE] RequestExpired, 400. */
    public static Rejection requestExpired() {
        return reject(SigV4ErrorCode.REQUEST_EXPIRED, "Request has expired.");
    }

    /** [STS] "Credential should be scoped to a valid region, not 'us-east-2'. " */
    static String wrongRegion(String region) {
        return "Credential should be scoped to a valid region, not '" + region + "'.";
    }

    /** [ORD] "Credential should be scoped to correct service: 'iam'. " */
    static String wrongService(String expected) {
        return "Credential should be scoped to correct service: '" + expected + "'.";
    }

    /** [ORD] */
    static String wrongTerminator(String terminator) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.";
    }

    /** [ORD] */
    static String wrongScopeDate(String scopeDate, String requestDate, String requestTime) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + scopeDate + "' != '" + requestDate + "', from '" + requestTime + "'.";
    }

    /** Every scope problem at once, each followed by a space, as AWS words them. */
    static Rejection scopeErrors(List<String> problems) {
        StringBuilder sb = new StringBuilder();
        for (String p : problems) {
            sb.append(p).append(' ');
        }
        return mismatch(sb.toString());
    }

    static String durationText(Duration d) {
        long seconds = d.getSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " sec";
    }

    private static Rejection mismatch(String message) {
        return reject(SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, message);
    }

    private static Rejection reject(SigV4ErrorCode code, String message) {
        return new Rejection(new SigV4Error(code, message));
    }
}
