package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors and the six-digit codes IAM uses. */
class TotpTest {

    /** Appendix B's seeds: the ASCII "12345678901234567890" repeated to the hash's block of key bytes. */
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 =
            "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "RFC 6238 Appendix B: T={0}s, {1} gives {2}")
    @CsvSource({
        "59, SHA1, 94287082",
        "59, SHA256, 46119246",
        "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804",
        "1111111109, SHA256, 68084774",
        "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471",
        "1111111111, SHA256, 67062674",
        "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924",
        "1234567890, SHA256, 91819424",
        "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037",
        "2000000000, SHA256, 90698825",
        "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130",
        "20000000000, SHA256, 77737706",
        "20000000000, SHA512, 47863826"
    })
    void code_matchesRfc6238AppendixB(long unixSeconds, Totp.Algorithm algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code(seed, step, 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void iamCode_isTheLastSixDigitsOfTheSha1Vector_zeroPadded() {
        assertThat(Totp.code(SEED_SHA1, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SEED_SHA1, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void step_isThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    }

    @Test
    void match_findsTheStepOfACode_preferringTheOneNearestTheCentre() {
        long step = 40_000_000L;
        String code = Totp.code(SEED_SHA1, step);

        assertThat(Totp.match(SEED_SHA1, code, step - 1, step + 1, step)).hasValue(step);
        assertThat(Totp.match(SEED_SHA1, code, step + 1, step + 3, step + 2)).isEmpty();
    }
}
