package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static io.sigil.server.sigv4.SigV4ErrorCode.EXPIRED_TOKEN;
import static io.sigil.server.sigv4.SigV4ErrorCode.INCOMPLETE_SIGNATURE;
import static io.sigil.server.sigv4.SigV4ErrorCode.INVALID_CLIENT_TOKEN_ID;
import static io.sigil.server.sigv4.SigV4ErrorCode.MISSING_AUTHENTICATION_TOKEN;
import static io.sigil.server.sigv4.SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH;
import static io.sigil.server.sigv4.Verifications.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Each way a request can fail SigV4, with AWS's code, status and message. */
class SigV4ErrorsTest {
    static final Instant T = Instant.parse("2015-08-30T12:36:00Z");
    static final String DATE = "20150830T123600Z";
    static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request";
    static final String SIG = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    final SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
            TestCredential.lookup(TestCredential.longTerm("AKIDEXAMPLE", SECRET)));

    static SignedRequest get(String query, String... headers) {
        return new SignedRequest("GET", "/", query, Headers.of(headers), Payload.empty());
    }

    static SignedRequest withAuthorization(String authorization) {
        return get("", "Host", "iam.amazonaws.com", "X-Amz-Date", DATE, "Authorization", authorization);
    }

    @Test
    void errorCodesCarryTheStatusesOfTheIamCommonErrors() {
        assertThat(MISSING_AUTHENTICATION_TOKEN.httpStatus()).isEqualTo(403);
        assertThat(INCOMPLETE_SIGNATURE.httpStatus()).isEqualTo(400);
        assertThat(INVALID_CLIENT_TOKEN_ID.httpStatus()).isEqualTo(403);
        assertThat(EXPIRED_TOKEN.httpStatus()).isEqualTo(403);
        assertThat(SIGNATURE_DOES_NOT_MATCH.httpStatus()).isEqualTo(403);
        assertThat(SigV4ErrorCode.REQUEST_EXPIRED.httpStatus()).isEqualTo(400);
        assertThat(SIGNATURE_DOES_NOT_MATCH.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void requestWithoutAuthorizationOrXAmzAlgorithm_isMissingAuthenticationToken() {
        assertRejected(verifier.verify(get("Action=ListUsers&Version=2010-05-08", "Host", "iam.amazonaws.com",
                "X-Amz-Date", DATE), T), MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    }

    @Test
    void presignedWithAnotherAlgorithm_isMissingAuthenticationToken() {
        assertRejected(verifier.verify(get("X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=x",
                "Host", "iam.amazonaws.com"), T), MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    }

    @Test
    void authorizationWithoutSignatureAndSignedHeaders_isIncompleteSignatureListingBoth() {
        String header = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL;
        assertRejected(verifier.verify(withAuthorization(header), T), INCOMPLETE_SIGNATURE,
                "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
                        + "parameter. Authorization=" + header);
    }

    @Test
    void authorizationWithoutAnyDateHeader_isIncompleteSignatureAskingForXAmzDateOrDate() {
        String header = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host, Signature=" + SIG;
        assertRejected(verifier.verify(get("", "Host", "iam.amazonaws.com", "Authorization", header), T),
                INCOMPLETE_SIGNATURE, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
                        + "header. Authorization=" + header);
    }

    @Test
    void signatureVersion2Authorization_isIncompleteSignatureAsAwsWordsIt() {
        // The text AWS returned for a SigV2 header (aws/aws-sdk-ruby#317).
        String header = "AWS AKIAI2HBJEUM7LRSTWOQ:qaNdqGsI6bq4Hi+9Gzovwyjbh0E=";
        assertRejected(verifier.verify(withAuthorization(header), T), INCOMPLETE_SIGNATURE,
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' "
                        + "parameter. Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization=AWS AKIAI2HBJEUM7LRSTWOQ:qaNdqGsI6bq4Hi+9Gzovwyjbh0E=");
    }

    @Test
    void authorizationParameterWithoutEqualSign_isIncompleteSignatureQuotingIt() {
        // A space after the key id, as in aws/aws-sdk-go#289.
        String header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + SIG;
        assertRejected(verifier.verify(withAuthorization(header), T), INCOMPLETE_SIGNATURE,
                "'/20150830/us-east-1/iam/aws4_request' not a valid key=value pair (missing equal-sign) in "
                        + "Authorization header: '" + header + "'.");
    }

    @Test
    void otherAws4Algorithm_isIncompleteSignatureUnsupportedAlgorithm() {
        assertRejected(verifier.verify(withAuthorization("AWS4-HMAC-SHA512 Credential=" + CREDENTIAL
                + ", SignedHeaders=host, Signature=" + SIG), T), INCOMPLETE_SIGNATURE,
                "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.");
    }

    @Test
    void presignedWithoutSignatureAndDate_isIncompleteSignatureListingThem() {
        assertRejected(verifier.verify(get("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                        + CREDENTIAL.replace("/", "%2F") + "&X-Amz-SignedHeaders=host", "Host", "iam.amazonaws.com"), T),
                INCOMPLETE_SIGNATURE, "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string "
                        + "parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.");
    }

    @Test
    void xAmzDateNotInIsoBasicFormat_isIncompleteSignature() {
        SignedRequest r = get("", "Host", "iam.amazonaws.com", "X-Amz-Date", "2015-08-30T12:36:00Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host;x-amz-date, "
                        + "Signature=" + SIG);
        assertRejected(verifier.verify(r, T), INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got "
                + "'2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void credentialWithFourParts_isIncompleteSignature() {
        assertRejected(verifier.verify(withAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/"
                        + "us-east-1/iam, SignedHeaders=host;x-amz-date, Signature=" + SIG), T), INCOMPLETE_SIGNATURE,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                        + "got 'AKIDEXAMPLE/20150830/us-east-1/iam'");
    }

    @Test
    void signedHeadersWithoutHost_isSignatureDoesNotMatch() {
        assertRejected(verifier.verify(withAuthorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                        + ", SignedHeaders=x-amz-date, Signature=" + SIG), T), SIGNATURE_DOES_NOT_MATCH,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void signatureInBothHeaderAndQuery_isSignatureDoesNotMatch() {
        SignedRequest r = withAuthorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                + ", SignedHeaders=host;x-amz-date, Signature=" + SIG).withRawQuery("X-Amz-Algorithm=AWS4-HMAC-SHA256");
        assertRejected(verifier.verify(r, T), SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
    }

    @Test
    void scopeWithWrongTerminatorAndDate_isSignatureDoesNotMatchListingEveryProblem() {
        assertRejected(verifier.verify(withAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150829/"
                        + "us-east-1/iam/aws5_request, SignedHeaders=host;x-amz-date, Signature=" + SIG), T),
                SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped with a valid terminator: 'aws4_request', not "
                        + "'aws5_request'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                        + "date from HTTP: '20150829' != '20150830', from '20150830T123600Z'. ");
    }

    @Test
    void unknownAccessKey_isInvalidClientTokenId() {
        assertRejected(verifier.verify(withAuthorization("AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20150830/"
                        + "us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + SIG), T),
                INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid.");
    }

    @Test
    void temporaryKeyWithAnotherSessionToken_isInvalidClientTokenId() {
        TestCredential temp = TestCredential.temporary("ASIATEMP", "s", "right-token", T.plusSeconds(3600));
        SigV4Verifier<TestCredential> v = new SigV4Verifier<>(SigV4Config.defaults(), TestCredential.lookup(temp));
        SignedRequest r = get("", "Host", "iam.amazonaws.com", "X-Amz-Date", DATE, "X-Amz-Security-Token",
                "wrong-token", "Authorization", "AWS4-HMAC-SHA256 Credential=ASIATEMP/20150830/us-east-1/iam/"
                        + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=" + SIG);
        assertRejected(v.verify(r, T), INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid.");
    }

    @Test
    void validSignatureOfAnExpiredTemporaryCredential_isExpiredToken() {
        SdkSigning sdk = new SdkSigning();
        Instant now = Instant.parse("2024-05-01T10:00:00Z");
        TestCredential temp = TestCredential.temporary("ASIAEXPIRED", "secret", "tok", now.minusSeconds(1));
        SigV4Verifier<TestCredential> v = new SigV4Verifier<>(SigV4Config.defaults(), TestCredential.lookup(temp));
        SignedRequest r = sdk.postForm("sts.amazonaws.com", "Action=GetCallerIdentity&Version=2011-06-15",
                SdkSigning.Options.iam(now).service("sts").key("ASIAEXPIRED", "secret").token("tok"));

        assertRejected(v.verify(r, now), EXPIRED_TOKEN, "The security token included in the request is expired");
        assertThat(v.verify(r, now.minus(Duration.ofSeconds(2)))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void signatureOfAnotherLength_isSignatureDoesNotMatch() {
        assertRejected(verifier.verify(withAuthorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                        + ", SignedHeaders=host;x-amz-date, Signature=abc"), T),
                SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
    }

    @Test
    void dateHeaderInHttpFormat_isAcceptedWhenThereIsNoXAmzDate() {
        // Signature computed independently for: GET / with date;host signed, at 20150830T123600Z, scope iam.
        SignedRequest r = get("", "Host", "iam.amazonaws.com", "Date", "Sun, 30 Aug 2015 12:36:00 GMT",
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=date;host, "
                        + "Signature=690e9d6d715791de608784bc0e025ac0ccb1ea924767331417b0324f1c006496");

        Verification.Verified<TestCredential> ok = Verifications.verified(verifier.verify(r, T));
        assertThat(ok.requestTime()).isEqualTo(T);
    }

    @ParameterizedTest(name = "X-Amz-Expires={0} is IncompleteSignature: {1}")
    @CsvSource(delimiter = '|', value = {
            "0|X-Amz-Expires must be at least 1 (in seconds)",
            "-1|X-Amz-Expires must be non-negative",
            "604801|X-Amz-Expires must be less than a week (in seconds) that is 604800",
            "soon|X-Amz-Expires should be a number"})
    void xAmzExpiresOutsideOneToSevenDays_isIncompleteSignature(String expires, String message) {
        SignedRequest r = get("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
                + "&X-Amz-Date=" + DATE + "&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
                + SIG, "Host", "iam.amazonaws.com");
        assertRejected(verifier.verify(r, T), INCOMPLETE_SIGNATURE, message);
    }
}
