package io.sigil.server.sigv4;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SigV4 signing test suites, case by case: the server computes the canonical request, string to sign and
 * signature the suite gives, accepts the signed request at the suite's time, and rejects it with
 * SignatureDoesNotMatch once one byte of the signature, the body or the Host header changes.
 */
class SigV4TestSuiteTest {

    @Test
    void everyConformanceFileHasCases() {
        for (String file : SigningVector.FILES) {
            assertThat(SigningVector.read(file)).as(file).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicContainer> everySuiteCaseCanonicalisesSignsAndVerifiesAsAwsDoes() {
        return SigningVector.all().stream().map(v -> DynamicContainer.dynamicContainer(v.file() + " " + v.description(),
                tests(v)));
    }

    private static Stream<DynamicTest> tests(SigningVector v) {
        SigV4Verifier<TestCredential> verifier = v.verifier();
        List<DynamicTest> tests = new ArrayList<>();
        v.canonicalRequest().ifPresent(expected -> tests.add(DynamicTest.dynamicTest(
                "the canonical request is the suite's", () -> assertThat(details(verifier, v).canonicalRequest())
                        .isEqualTo(expected))));
        v.stringToSign().ifPresent(expected -> tests.add(DynamicTest.dynamicTest(
                "the string to sign is the suite's", () -> assertThat(details(verifier, v).stringToSign())
                        .isEqualTo(expected))));
        tests.add(DynamicTest.dynamicTest("the signed request verifies at the suite's time", () -> {
            Verification<TestCredential> result = verifier.verify(v.request(), v.time());
            assertThat(result).isInstanceOf(Verification.Verified.class);
            Verification.Verified<TestCredential> ok = (Verification.Verified<TestCredential>) result;
            assertThat(ok.accessKeyId()).isEqualTo(v.accessKeyId());
            assertThat(ok.region()).isEqualTo(v.region());
            assertThat(ok.service()).isEqualTo(v.service());
            assertThat(ok.requestTime()).isEqualTo(v.time());
            assertThat(ok.location()).isEqualTo(v.location());
            assertThat(ok.securityToken()).isEqualTo(v.securityToken());
        }));
        tests.add(DynamicTest.dynamicTest("one changed signature digit is SignatureDoesNotMatch",
                () -> assertMismatch(verifier, v, withSignatureDigitChanged(v))));
        tests.add(DynamicTest.dynamicTest("one more body byte is SignatureDoesNotMatch",
                () -> assertMismatch(verifier, v, v.request().withPayload(Payload.of(
                        (new String(bodyOf(v), StandardCharsets.UTF_8) + "x").getBytes(StandardCharsets.UTF_8))))));
        tests.add(DynamicTest.dynamicTest("one changed Host byte is SignatureDoesNotMatch", () -> {
            String host = v.request().headers().first("Host").orElseThrow();
            String changed = host.substring(0, host.length() - 1) + (host.endsWith("m") ? "n" : "m");
            assertMismatch(verifier, v, v.request().withHeaders(v.request().headers().without("Host")
                    .with("Host", changed)));
        }));
        return tests.stream();
    }

    private static Verification.SigningDetails details(SigV4Verifier<TestCredential> verifier, SigningVector v) {
        return verifier.explain(v.request()).orElseThrow();
    }

    private static void assertMismatch(SigV4Verifier<TestCredential> verifier, SigningVector v, SignedRequest changed) {
        Verification<TestCredential> result = verifier.verify(changed, v.time());
        assertThat(result).isInstanceOf(Verification.Rejected.class);
        SigV4Error error = ((Verification.Rejected<TestCredential>) result).error();
        assertThat(error.code()).isEqualTo(SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(error.message()).startsWith("The request signature we calculated does not match");
    }

    private static byte[] bodyOf(SigningVector v) {
        return ((Payload.Bytes) v.request().payload()).body();
    }

    /** The same request with the last hex digit of its signature changed. */
    private static SignedRequest withSignatureDigitChanged(SigningVector v) {
        String sig = v.signature();
        String changed = sig.substring(0, sig.length() - 1) + (sig.endsWith("0") ? "1" : "0");
        SignedRequest r = v.request();
        if (v.location() == AuthLocation.QUERY) {
            return r.withRawQuery(r.rawQuery().replace(sig, changed));
        }
        String auth = r.headers().first("Authorization").orElseThrow();
        return r.withHeaders(r.headers().without("Authorization").with("Authorization", auth.replace(sig, changed)));
    }
}
