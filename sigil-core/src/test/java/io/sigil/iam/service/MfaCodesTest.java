package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Totp;
import io.sigil.iam.model.VirtualMfaDevice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The windows and replay rule of MFA codes (RFC 6238 §5.2, §6; spec §10 H81). */
class MfaCodesTest {

    private static final byte[] SEED = "12345678901234567890".getBytes();
    private static final long NOW = 60_000_000L;

    private static String code(long step) {
        return Totp.code(SEED, step);
    }

    private static VirtualMfaDevice device(int drift, Long lastUsed) {
        return new VirtualMfaDevice("123456789012", "arn:aws:iam::123456789012:mfa/d", "d", "/", Instant.EPOCH, null,
                null, List.of(), drift, lastUsed);
    }

    @Test
    void pair_ofThePreviousAndCurrentCodes_isFoundAtNow() {
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 1), code(NOW), NOW, null)).hasValue(NOW);
    }

    @Test
    void pair_submittedLate_isStillFound_atItsOwnStep() {
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 3), code(NOW - 2), NOW, null)).hasValue(NOW - 2);
    }

    @Test
    void pair_outsideTheTenStepSyncWindow_isNotFound() {
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 10), code(NOW - 9), NOW, null)).hasValue(NOW - 9);
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 11), code(NOW - 10), NOW, null)).hasValue(NOW - 10);
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 12), code(NOW - 11), NOW, null)).isEmpty();
    }

    @Test
    void pair_thatIsNotConsecutive_orTheSameCodeTwice_isRefused() {
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 2), code(NOW), NOW, null)).isEmpty();
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW), code(NOW), NOW, null)).isEmpty();
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW), code(NOW - 1), NOW, null)).isEmpty();
    }

    @Test
    void pair_atOrBeforeTheLastUsedStep_isRefused() {
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 1), code(NOW), NOW, NOW - 1)).isEmpty();
        assertThat(MfaCodes.consecutivePair(SEED, code(NOW - 1), code(NOW), NOW, NOW - 2)).hasValue(NOW);
    }

    @Test
    void single_acceptsOneStepEitherSideOfNowPlusDrift_only() {
        VirtualMfaDevice inSync = device(0, null);
        assertThat(MfaCodes.single(SEED, code(NOW - 1), NOW, inSync)).hasValue(NOW - 1);
        assertThat(MfaCodes.single(SEED, code(NOW), NOW, inSync)).hasValue(NOW);
        assertThat(MfaCodes.single(SEED, code(NOW + 1), NOW, inSync)).hasValue(NOW + 1);
        assertThat(MfaCodes.single(SEED, code(NOW - 2), NOW, inSync)).isEmpty();
        assertThat(MfaCodes.single(SEED, code(NOW + 2), NOW, inSync)).isEmpty();
    }

    @Test
    void single_followsTheDrift_soAnOutOfSyncDeviceFailsWithCurrentCodes() {
        VirtualMfaDevice behind = device(-2, null);
        assertThat(MfaCodes.single(SEED, code(NOW), NOW, behind)).isEmpty();
        assertThat(MfaCodes.single(SEED, code(NOW - 2), NOW, behind)).hasValue(NOW - 2);
    }

    @Test
    void single_refusesAReplayedOrOlderCode() {
        assertThat(MfaCodes.single(SEED, code(NOW), NOW, device(0, NOW))).isEmpty();
        assertThat(MfaCodes.single(SEED, code(NOW - 1), NOW, device(0, NOW))).isEmpty();
        assertThat(MfaCodes.single(SEED, code(NOW + 1), NOW, device(0, NOW))).hasValue(NOW + 1);
    }
}
