package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the AWS SDK for Java v2 signs for IAM and STS, Sigil verifies; what it signs for anything else, Sigil refuses. */
class SdkSignedRequestsTest {
    static final Instant T = Instant.parse("2024-05-01T10:20:30Z");
    static final String CREATE_USER = "Action=CreateUser&Version=2010-05-08&UserName=alice&Tags.member.1.Key=team"
            + "&Tags.member.1.Value=a%20b%2Bc";

    final SdkSigning sdk = new SdkSigning();
    final SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
            TestCredential.lookup(TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET)));

    @ParameterizedTest(name = "an IAM form POST signed for region {0} verifies")
    @ValueSource(strings = {"aws-global", "us-east-1"})
    void iamFormPostSignedBySdk_forAcceptedRegion_verifies(String region) {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", CREATE_USER,
                SdkSigning.Options.iam(T).region(region));

        Verification.Verified<TestCredential> ok = Verifications.verified(verifier.verify(request, T));

        assertThat(ok.accessKeyId()).isEqualTo(SdkSigning.AKID);
        assertThat(ok.region()).isEqualTo(region);
        assertThat(ok.service()).isEqualTo("iam");
        assertThat(ok.signingDate()).hasToString("2024-05-01");
        assertThat(ok.requestTime()).isEqualTo(T);
        assertThat(ok.location()).isEqualTo(AuthLocation.HEADER);
        assertThat(ok.securityToken()).isEmpty();
        assertThat(ok.credential().accessKeyId()).isEqualTo(SdkSigning.AKID);
        assertThat(ok.signedHeaders()).contains("host", "x-amz-date", "content-type");
    }

    @Test
    void stsPostSignedBySdkWithSessionToken_verifiesAndReturnsTheToken() {
        String token = "FwoGZXIvYXdzEXAMPLETOKEN+/=";
        TestCredential temp = TestCredential.temporary("ASIAEXAMPLETEMPKEY01", "tempSecret/Key+1",
                token, T.plus(Duration.ofHours(1)));
        SigV4Verifier<TestCredential> v = new SigV4Verifier<>(SigV4Config.defaults(), TestCredential.lookup(temp));
        SignedRequest request = sdk.postForm("sts.amazonaws.com", "Action=GetCallerIdentity&Version=2011-06-15",
                SdkSigning.Options.iam(T).service("sts").key(temp.accessKeyId(), temp.secretAccessKey()).token(token));

        Verification.Verified<TestCredential> ok = Verifications.verified(v.verify(request, T));

        assertThat(ok.service()).isEqualTo("sts");
        assertThat(ok.securityToken()).contains(token);
        assertThat(ok.credential()).isEqualTo(temp);
    }

    @Test
    void stsPresignedGetCallerIdentitySignedBySdk_verifiesFromTheQuery() {
        SignedRequest request = sdk.get("sts.amazonaws.com", "/?Action=GetCallerIdentity&Version=2011-06-15",
                SdkSigning.Options.iam(T).service("sts").presigned(Duration.ofSeconds(900)));

        Verification.Verified<TestCredential> ok = Verifications.verified(verifier.verify(request, T));

        assertThat(ok.location()).isEqualTo(AuthLocation.QUERY);
        assertThat(request.headers().contains("Authorization")).isFalse();
        assertThat(request.rawQuery()).contains("X-Amz-Expires=900");
    }

    @Test
    void presignedWithSessionToken_verifiesAndReturnsTheQueryToken() {
        String token = "IQoJb3JpZ2luX2VjEXAMPLE//token==";
        TestCredential temp = TestCredential.temporary("ASIAEXAMPLETEMPKEY02", "tempSecret2", token,
                T.plus(Duration.ofHours(1)));
        SigV4Verifier<TestCredential> v = new SigV4Verifier<>(SigV4Config.defaults(), TestCredential.lookup(temp));
        SignedRequest request = sdk.get("sts.amazonaws.com", "/?Action=GetCallerIdentity&Version=2011-06-15",
                SdkSigning.Options.iam(T).service("sts").key(temp.accessKeyId(), temp.secretAccessKey()).token(token)
                        .presigned(Duration.ofMinutes(5)));

        assertThat(Verifications.verified(v.verify(request, T)).securityToken()).contains(token);
    }

    @Test
    void sdkRequestWithChangedFormBody_isSignatureDoesNotMatch() {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", CREATE_USER, SdkSigning.Options.iam(T));
        SignedRequest tampered = request.withPayload(Payload.of(CREATE_USER.replace("alice", "mallory")
                .getBytes(StandardCharsets.UTF_8)));

        Verifications.assertRejected(verifier.verify(tampered, T), SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                        + "Secret Access Key and signing method. Consult the service documentation for details.");
    }

    @Test
    void sdkRequestSignedWithAnotherSecret_isSignatureDoesNotMatchWithDetailsForTheLog() {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", CREATE_USER,
                SdkSigning.Options.iam(T).key(SdkSigning.AKID, "not-the-secret"));

        Verification<TestCredential> result = verifier.verify(request, T);

        Verifications.assertRejected(result, SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
        Verification.SigningDetails details = ((Verification.Rejected<TestCredential>) result).details().orElseThrow();
        assertThat(details.canonicalRequest()).startsWith("POST\n/\n\n");
        assertThat(details.stringToSign()).startsWith("AWS4-HMAC-SHA256\n20240501T102030Z\n"
                + "20240501/us-east-1/iam/aws4_request\n");
    }

    @Test
    void sdkRequestSignedForAnotherRegion_isSignatureDoesNotMatchNamingTheRegion() {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", CREATE_USER,
                SdkSigning.Options.iam(T).region("eu-west-1"));

        Verifications.assertRejected(verifier.verify(request, T), SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Credential should be scoped to a valid region, not 'eu-west-1'. ");
    }

    @Test
    void sdkRequestSignedForAnotherService_isSignatureDoesNotMatchNamingTheServiceExpected() {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", CREATE_USER, SdkSigning.Options.iam(T).service("s3"));

        Verifications.assertRejected(verifier.verify(request, T), SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Credential should be scoped to correct service: 'iam'. ");
    }

    @Test
    void configuredRegionsAndServicesReplaceTheDefaults() {
        SigV4Verifier<TestCredential> euOnly = new SigV4Verifier<>(SigV4Config.defaults()
                .withRegions(List.of("eu-west-1")).withServices(List.of("sts")),
                TestCredential.lookup(TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET)));
        SignedRequest eu = sdk.postForm("sts.eu-west-1.amazonaws.com", "Action=GetCallerIdentity&Version=2011-06-15",
                SdkSigning.Options.iam(T).region("eu-west-1").service("sts"));
        SignedRequest global = sdk.postForm("iam.amazonaws.com", CREATE_USER,
                SdkSigning.Options.iam(T).region("us-east-1"));

        assertThat(euOnly.verify(eu, T)).isInstanceOf(Verification.Verified.class);
        Verifications.assertRejected(euOnly.verify(global, T), SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Credential should be scoped to a valid region, not 'us-east-1'. "
                        + "Credential should be scoped to correct service: 'sts'. ");
    }

    @Test
    void sdkRequestFromUnknownAccessKey_isInvalidClientTokenId() {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", CREATE_USER,
                SdkSigning.Options.iam(T).key("AKIAUNKNOWNKEY000000", "whatever"));

        Verifications.assertRejected(verifier.verify(request, T), SigV4ErrorCode.INVALID_CLIENT_TOKEN_ID,
                "The security token included in the request is invalid.");
    }

    @Test
    void pathWithEncodedCharacters_isDoubleEncodedLikeTheSdkDoes() {
        SdkHttpRequest raw = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://iam.amazonaws.com/a%20b/c%2Fd/")).build();
        SignedRequest request = sdk.sign(raw, new byte[0], SdkSigning.Options.iam(T));

        assertThat(request.rawPath()).isEqualTo("/a%20b/c%2Fd/");
        assertThat(verifier.explain(request).orElseThrow().canonicalRequest()).startsWith("GET\n/a%2520b/c%252Fd/\n");
        assertThat(verifier.verify(request, T)).isInstanceOf(Verification.Verified.class);
    }
}
