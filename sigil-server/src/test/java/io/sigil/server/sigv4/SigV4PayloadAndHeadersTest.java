package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.sigil.server.sigv4.Verifications.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** The declared payload hash (x-amz-content-sha256, UNSIGNED-PAYLOAD), duplicate headers and session-token places. */
class SigV4PayloadAndHeadersTest {
    static final Instant T = Instant.parse("2024-05-01T10:20:30Z");
    static final String BODY = "Action=ListUsers&Version=2010-05-08";

    final SdkSigning sdk = new SdkSigning();
    final TestCredential key = TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET);
    final SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
            TestCredential.lookup(key));

    /** Signs a form POST that carries x-amz-content-sha256 (signed like any other header). */
    SignedRequest signedWithDeclaredHash(String declared, boolean payloadSigning) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://iam.amazonaws.com/"))
                .putHeader("Content-Type", SdkSigning.FORM)
                .putHeader("x-amz-content-sha256", declared)
                .build();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(SdkSigning.AKID, SdkSigning.SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(T, ZoneOffset.UTC)));
        return SdkSigning.toSigil(signed.request(), body);
    }

    @Test
    void declaredPayloadHashMatchingTheBody_verifies() {
        SignedRequest r = signedWithDeclaredHash(Payload.of(BODY.getBytes(StandardCharsets.UTF_8)).sha256Hex(), true);
        assertThat(r.headers().first("x-amz-content-sha256")).isPresent();
        assertThat(verifier.verify(r, T)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void bodyReplacedUnderAValidlySignedDeclaredHash_isSignatureDoesNotMatch() {
        SignedRequest r = signedWithDeclaredHash(Payload.of(BODY.getBytes(StandardCharsets.UTF_8)).sha256Hex(), true);
        SignedRequest replaced = r.withPayload(Payload.of("Action=DeleteUser&UserName=alice".getBytes(
                StandardCharsets.UTF_8)));
        assertRejected(verifier.verify(replaced, T), SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
    }

    @Test
    void unsignedPayload_verifiesWhateverTheBodyWhenAllowed() {
        SignedRequest r = signedWithDeclaredHash("UNSIGNED-PAYLOAD", false);
        assertThat(verifier.explain(r).orElseThrow().canonicalRequest()).endsWith("\nUNSIGNED-PAYLOAD");
        assertThat(verifier.verify(r, T)).isInstanceOf(Verification.Verified.class);
        assertThat(verifier.verify(r.withPayload(Payload.of(new byte[] {1, 2, 3})), T))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void unsignedPayload_isSignatureDoesNotMatchWhenNotAllowed() {
        SigV4Verifier<TestCredential> strict = new SigV4Verifier<>(SigV4Config.defaults().withAllowUnsignedPayload(false),
                TestCredential.lookup(key));
        assertRejected(strict.verify(signedWithDeclaredHash("UNSIGNED-PAYLOAD", false), T),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
    }

    @Test
    void payloadGivenAsItsSha256_verifiesLikeTheBody() {
        SignedRequest r = sdk.postForm("iam.amazonaws.com", BODY, SdkSigning.Options.iam(T));
        SignedRequest hashed = r.withPayload(Payload.ofSha256Hex(r.payload().sha256Hex().toUpperCase()));
        assertThat(verifier.verify(hashed, T)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void repeatedSignedHeader_dropOneValue_isSignatureDoesNotMatch() {
        SigningVector duplicate = vector("get-header-key-duplicate");
        Headers headers = duplicate.request().headers();
        List<String> values = headers.values("My-Header1");
        assertThat(values).containsExactly("value2", "value2", "value1");
        SignedRequest oneDropped = duplicate.request().withHeaders(headers.without("My-Header1")
                .with("My-Header1", "value2").with("My-Header1", "value1"));

        assertRejected(duplicate.verifier().verify(oneDropped, duplicate.time()),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
    }

    @Test
    void repeatedSignedHeader_reordered_isSignatureDoesNotMatch() {
        SigningVector order = vector("get-header-value-order");
        Headers headers = order.request().headers().without("My-Header1");
        for (String v : List.of("value1", "value2", "value3", "value4")) {
            headers = headers.with("my-header1", v);
        }
        assertRejected(order.verifier().verify(order.request().withHeaders(headers), order.time()),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, Verifications.MISMATCH);
    }

    @Test
    void ofTwoAuthorizationHeaders_theFirstIsTheOneVerified() {
        SignedRequest r = sdk.postForm("iam.amazonaws.com", BODY, SdkSigning.Options.iam(T));
        String good = r.headers().first("Authorization").orElseThrow();
        String bad = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");

        assertThat(verifier.verify(r.withHeaders(r.headers().with("Authorization", bad)), T))
                .isInstanceOf(Verification.Verified.class);
        Headers badFirst = r.headers().without("Authorization").with("Authorization", bad).with("Authorization", good);
        assertRejected(verifier.verify(r.withHeaders(badFirst), T), SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                Verifications.MISMATCH);
    }

    @Test
    void headerNamesMatchInAnyCase() {
        SignedRequest r = sdk.postForm("iam.amazonaws.com", BODY, SdkSigning.Options.iam(T));
        Headers upper = Headers.of(r.headers().fields().stream()
                .map(h -> new Header(h.name().toUpperCase(), h.value())).toList());
        assertThat(verifier.verify(r.withHeaders(upper), T)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void sessionTokenInTheQueryOfAHeaderSignedRequest_isPassedOn() {
        TestCredential temp = TestCredential.temporary("ASIAQUERYTOKEN000001", "sec", "tok/en+=", T.plusSeconds(60));
        SigV4Verifier<TestCredential> v = new SigV4Verifier<>(SigV4Config.defaults(), TestCredential.lookup(temp));
        SignedRequest r = sdk.get("sts.amazonaws.com", "/?Action=GetCallerIdentity&Version=2011-06-15"
                        + "&X-Amz-Security-Token=tok%2Fen%2B%3D",
                SdkSigning.Options.iam(T).service("sts").key(temp.accessKeyId(), temp.secretAccessKey()));

        assertThat(Verifications.verified(v.verify(r, T)).securityToken()).contains("tok/en+=");
    }

    private static SigningVector vector(String name) {
        return SigningVector.read("aws-sig-v4-test-suite.json").stream()
                .filter(v -> v.description().startsWith(name + ":")).findFirst().orElseThrow();
    }
}
