package io.sigil.iam.service;

import io.sigil.iam.crypto.Totp;
import io.sigil.iam.model.VirtualMfaDevice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;

/**
 * How codes of a virtual MFA device are checked (RFC 6238 §5.2, §6; spec §5.5, §10 H81).
 *
 * <p>EnableMFADevice and ResyncMFADevice take two consecutive codes and look for them within
 * {@value #SYNC_WINDOW_STEPS} steps (5 minutes) either side of now; the step of the second code, minus now, becomes
 * the device's drift. So codes submitted late still enable the device, which is then out of sync, as IAM documents
 * ("If you generate the codes and then wait too long to submit the request, the MFA device successfully associates
 * with the user but the MFA device becomes out of sync"), until a resync.
 *
 * <p>Every other check (sign-in, STS) takes one code, within {@value #VERIFY_WINDOW_STEPS} step of now plus the
 * drift, RFC 6238's "at most one time step ... as the network delay". A code is accepted once: no code of a step at
 * or before the newest accepted one passes again ("the verifier MUST NOT accept the second attempt of the same OTP
 * after the successful validation has been issued for the first OTP").
 */
final class MfaCodes {

    static final int SYNC_WINDOW_STEPS = 10;
    static final int VERIFY_WINDOW_STEPS = 1;

    private MfaCodes() {
    }

    /**
     * The step of {@code code2} where {@code code1} is the code of the step before, both after the device's last
     * accepted step, nearest {@code nowStep}; every candidate is compared in constant time.
     */
    static OptionalLong consecutivePair(byte[] seed, String code1, String code2, long nowStep, Long lastUsedStep) {
        long best = 0;
        boolean found = false;
        for (long s = nowStep - SYNC_WINDOW_STEPS; s <= nowStep + SYNC_WINDOW_STEPS; s++) {
            boolean match = equal(Totp.code(seed, s - 1), code1) & equal(Totp.code(seed, s), code2);
            boolean fresh = lastUsedStep == null || s - 1 > lastUsedStep;
            if (match && fresh && (!found || Math.abs(s - nowStep) < Math.abs(best - nowStep))) {
                best = s;
                found = true;
            }
        }
        return found ? OptionalLong.of(best) : OptionalLong.empty();
    }

    /** The step of a single code within the verify window around now plus drift, if it is fresh. */
    static OptionalLong single(byte[] seed, String code, long nowStep, VirtualMfaDevice device) {
        long centre = nowStep + device.driftSteps();
        OptionalLong step = Totp.match(seed, code, centre - VERIFY_WINDOW_STEPS, centre + VERIFY_WINDOW_STEPS, centre);
        if (step.isPresent() && device.lastUsedStep() != null && step.getAsLong() <= device.lastUsedStep()) {
            return OptionalLong.empty();
        }
        return step;
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
