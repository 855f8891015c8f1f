package io.sigil.server.api;

import java.util.Locale;

/**
 * How denials are handled (DESIGN.md, "Enforcement is on by default"): {@code ON} answers AccessDenied;
 * {@code AUDIT} allows the call but logs the would-be denial with its explanation; {@code OFF} skips the check.
 * Both relax the authorisation of the API call only: a role's trust policy, part of the credential exchange of
 * sts:AssumeRole*, decides in every mode (io.sigil.iam.sts.CallerPolicyGate).
 */
public enum EnforceMode {
    ON, AUDIT, OFF;

    public static EnforceMode parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
