package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.sigil.server.sigv4.Verifications.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header signatures are good for 15 minutes either side of the server's clock; presigned requests from 15 minutes
 * before X-Amz-Date until X-Amz-Expires after it. Tested at each limit and one second past it.
 */
class SigV4TimeWindowTest {
    static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(15);
    static final Duration ONE_SECOND = Duration.ofSeconds(1);

    final SdkSigning sdk = new SdkSigning();
    final TestCredential key = TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET);
    final SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
            TestCredential.lookup(key));
    final SignedRequest signedAtT = sdk.postForm("iam.amazonaws.com", "Action=ListUsers&Version=2010-05-08",
            SdkSigning.Options.iam(T));

    @Test
    void headerSignature_isValidExactly15MinutesAfterItsTime() {
        assertThat(verifier.verify(signedAtT, T.plus(SKEW))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void headerSignature_15MinutesAndOneSecondOld_isSignatureExpired() {
        assertRejected(verifier.verify(signedAtT, T.plus(SKEW).plus(ONE_SECOND)),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Signature expired: 20240101T000000Z is now earlier than 20240101T000001Z (20240101T001501Z - 15 min.)");
    }

    @Test
    void headerSignature_isValidExactly15MinutesBeforeItsTime() {
        assertThat(verifier.verify(signedAtT, T.minus(SKEW))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void headerSignature_15MinutesAndOneSecondAhead_isSignatureNotYetCurrent() {
        assertRejected(verifier.verify(signedAtT, T.minus(SKEW).minus(ONE_SECOND)),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Signature not yet current: 20240101T000000Z is still later than 20231231T235959Z "
                        + "(20231231T234459Z + 15 min.)");
    }

    @Test
    void presigned_isValidUntilExactlyXAmzExpiresAfterItsTime() {
        SignedRequest url = presigned(Duration.ofSeconds(60));
        assertThat(verifier.verify(url, T.plusSeconds(60))).isInstanceOf(Verification.Verified.class);
        assertRejected(verifier.verify(url, T.plusSeconds(61)), SigV4ErrorCode.REQUEST_EXPIRED,
                "Request has expired.");
    }

    @Test
    void presigned_outlivesTheHeaderSkewWhenXAmzExpiresSaysSo() {
        SignedRequest url = presigned(Duration.ofHours(1));
        assertThat(verifier.verify(url, T.plus(Duration.ofMinutes(59)))).isInstanceOf(Verification.Verified.class);
        assertRejected(verifier.verify(url, T.plus(Duration.ofHours(1)).plus(ONE_SECOND)),
                SigV4ErrorCode.REQUEST_EXPIRED, "Request has expired.");
    }

    @Test
    void presigned_15MinutesAndOneSecondAhead_isSignatureNotYetCurrent() {
        SignedRequest url = presigned(Duration.ofSeconds(900));
        assertThat(verifier.verify(url, T.minus(SKEW))).isInstanceOf(Verification.Verified.class);
        assertThat(Verifications.rejected(verifier.verify(url, T.minus(SKEW).minus(ONE_SECOND))).message())
                .startsWith("Signature not yet current: 20240101T000000Z is still later than");
    }

    @Test
    void presignedLifetime_isCappedByMaxPresignedLifetime() {
        SigV4Verifier<TestCredential> stsLike = new SigV4Verifier<>(
                SigV4Config.defaults().withMaxPresignedLifetime(SKEW), TestCredential.lookup(key));
        SignedRequest url = presigned(Duration.ofHours(1));

        assertThat(stsLike.verify(url, T.plus(SKEW))).isInstanceOf(Verification.Verified.class);
        assertRejected(stsLike.verify(url, T.plus(SKEW).plus(ONE_SECOND)), SigV4ErrorCode.REQUEST_EXPIRED,
                "Request has expired.");
    }

    @Test
    void presigned_withTheLongestXAmzExpires_isValidSevenDaysLater() {
        SignedRequest url = presigned(Duration.ofSeconds(SigV4Config.MAX_EXPIRES_SECONDS));
        assertThat(url.rawQuery()).contains("X-Amz-Expires=604800");
        assertThat(verifier.verify(url, T.plusSeconds(604_800))).isInstanceOf(Verification.Verified.class);
        assertRejected(verifier.verify(url, T.plusSeconds(604_801)), SigV4ErrorCode.REQUEST_EXPIRED,
                "Request has expired.");
    }

    @Test
    void presigned_withTheShortestXAmzExpires_isValidForOneSecond() {
        SignedRequest url = presigned(Duration.ofSeconds(SigV4Config.MIN_EXPIRES_SECONDS));
        assertThat(verifier.verify(url, T.plusSeconds(1))).isInstanceOf(Verification.Verified.class);
        assertRejected(verifier.verify(url, T.plusSeconds(2)), SigV4ErrorCode.REQUEST_EXPIRED, "Request has expired.");
    }

    @Test
    void presignedWithoutXAmzExpires_isValidLikeAHeaderSignature() {
        // Presigned by hand (X-Amz-Expires left out): the canonical query is what remains.
        SignedRequest url = presigned(Duration.ofSeconds(60));
        String query = url.rawQuery().replaceAll("&?X-Amz-Expires=60", "");
        SignedRequest withoutExpires = url.withRawQuery(query);
        String canonical = verifier.explain(withoutExpires).orElseThrow().canonicalRequest();
        assertThat(canonical).doesNotContain("X-Amz-Expires");
        // The SDK signed X-Amz-Expires, so the signature no longer matches; the window check comes first, though.
        assertRejected(verifier.verify(withoutExpires, T.plus(SKEW).plus(ONE_SECOND)),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Signature expired: 20240101T000000Z is now earlier than "
                        + "20240101T000001Z (20240101T001501Z - 15 min.)");
    }

    @Test
    void theSameRequestIsJudgedByTheClockPassedIn() {
        Optional<Verification.SigningDetails> details = verifier.explain(signedAtT);
        assertThat(details).isPresent();
        assertThat(verifier.verify(signedAtT, T.plus(Duration.ofDays(365)))).isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verify(signedAtT, T)).isInstanceOf(Verification.Verified.class);
    }

    private SignedRequest presigned(Duration expires) {
        return sdk.get("sts.amazonaws.com", "/?Action=GetCallerIdentity&Version=2011-06-15",
                SdkSigning.Options.iam(T).service("sts").presigned(expires));
    }
}
