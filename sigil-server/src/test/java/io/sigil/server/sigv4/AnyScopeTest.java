package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SigV4Config#ANY} in the accepted regions or services accepts every value there (Access Analyzer in any
 * region; /_sigil/authorize checking requests signed for other services), and nothing else is relaxed.
 */
class AnyScopeTest {
    static final Instant T = Instant.parse("2024-05-01T10:20:30Z");
    final SdkSigning sdk = new SdkSigning();
    final TestCredential key = TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET);

    SigV4Verifier<TestCredential> verifier(List<String> regions, List<String> services) {
        return new SigV4Verifier<>(SigV4Config.defaults().withRegions(regions).withServices(services),
                TestCredential.lookup(key));
    }

    SignedRequest signed(String service, String region) {
        return sdk.get("widgets.example.com", "/widgets/w1?x=1", SdkSigning.Options.iam(T).service(service)
                .region(region));
    }

    @Test
    void anyRegionAndService_acceptsWhatTheSdkSignedForThem() {
        Verification.Verified<TestCredential> ok = Verifications.verified(verifier(List.of(SigV4Config.ANY),
                List.of(SigV4Config.ANY)).verify(signed("widgets", "ap-southeast-2"), T));
        assertThat(ok.service()).isEqualTo("widgets");
        assertThat(ok.region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void anyRegion_stillRequiresTheNamedService() {
        Verification<TestCredential> v = verifier(List.of(SigV4Config.ANY), List.of("access-analyzer"))
                .verify(signed("iam", "eu-west-1"), T);
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected<TestCredential>) v).error().code())
                .isEqualTo(SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(Verifications.verified(verifier(List.of(SigV4Config.ANY), List.of("access-analyzer"))
                .verify(signed("access-analyzer", "eu-west-1"), T)).region()).isEqualTo("eu-west-1");
    }

    @Test
    void anyScope_stillChecksTheClockWindow() {
        Verification<TestCredential> v = verifier(List.of(SigV4Config.ANY), List.of(SigV4Config.ANY))
                .verify(signed("widgets", "us-west-2"), T.plusSeconds(16 * 60));
        assertThat(v).isInstanceOf(Verification.Rejected.class);
    }
}
