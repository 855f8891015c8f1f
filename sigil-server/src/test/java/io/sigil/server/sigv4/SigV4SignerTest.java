package io.sigil.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sigil's own signer (for --self-check) signs exactly what the AWS SDK signs, and Sigil's verifier accepts it. */
class SigV4SignerTest {
    static final Instant T = Instant.parse("2024-05-01T10:20:30Z");
    static final String FORM = "Action=ListUsers&Version=2010-05-08";

    @Test
    void signPost_givesTheAuthorizationTheSdkSignerGives() {
        Map<String, String> ours = SigV4Signer.signPost("iam.amazonaws.com", SdkSigning.FORM, bytes(FORM),
                SdkSigning.AKID, SdkSigning.SECRET, "us-east-1", "iam", T);
        SignedRequest sdk = new SdkSigning().postForm("iam.amazonaws.com", FORM, SdkSigning.Options.iam(T));

        assertThat(ours.get("Authorization")).isEqualTo(sdk.headers().first("Authorization").orElseThrow());
        assertThat(ours.get("X-Amz-Date")).isEqualTo("20240501T102030Z");
    }

    @Test
    void signPost_forSts_verifiesWithTheServersVerifier() {
        Map<String, String> headers = SigV4Signer.signPost("127.0.0.1:8383", SdkSigning.FORM,
                bytes("Action=GetCallerIdentity&Version=2011-06-15"), SdkSigning.AKID, SdkSigning.SECRET, "us-east-1",
                "sts", T);
        List<Header> fields = new ArrayList<>();
        headers.forEach((k, v) -> fields.add(new Header(k, v)));
        SignedRequest request = new SignedRequest("POST", "/", "", Headers.of(fields),
                Payload.of(bytes("Action=GetCallerIdentity&Version=2011-06-15")));
        SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
                TestCredential.lookup(TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET)));

        Verification.Verified<TestCredential> ok = Verifications.verified(verifier.verify(request, T));

        assertThat(ok.service()).isEqualTo("sts");
        assertThat(ok.signedHeaders()).containsExactly("content-type", "host", "x-amz-content-sha256", "x-amz-date");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
