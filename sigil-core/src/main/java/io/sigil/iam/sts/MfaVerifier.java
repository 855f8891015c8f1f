package io.sigil.iam.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;

import java.time.Instant;

/**
 * Checks an MFA serial number and one-time code for the caller (IAM User Guide, "Configuring MFA-protected API
 * access"). A failure is AccessDenied with STS's texts: an unknown device, or one not associated with the caller,
 * is {@link #UNKNOWN_DEVICE}; a wrong code is {@link #INVALID_CODE}.
 */
@FunctionalInterface
public interface MfaVerifier {
    /** Text seen from STS (aws/aws-cli#6325, GetSessionToken), two spaces between the sentences as sent. */
    String UNKNOWN_DEVICE = "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA"
            + " serial number is valid and associated with this user.";
    /** Text seen from STS (GetSessionToken and AssumeRole with a wrong or reused code). */
    String INVALID_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

    /**
     * @return when the code was verified (the MFA authentication time of the new session)
     * @throws IamException AccessDenied with {@link #UNKNOWN_DEVICE} or {@link #INVALID_CODE}
     */
    Instant verify(Principal caller, String serialNumber, String tokenCode, Instant now);

    /** No MFA devices exist: every serial number is unknown. */
    MfaVerifier NONE = (caller, serial, code, now) -> {
        throw IamException.accessDenied(UNKNOWN_DEVICE);
    };
}
