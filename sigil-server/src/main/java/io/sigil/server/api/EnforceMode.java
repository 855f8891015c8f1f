package io.sigil.server.api;

import java.util.Locale;

/**
 * How denials are handled (DESIGN.md, "Enforcement is on by default"): {@code ON} answers AccessDenied;
 * {@code AUDIT} allows the call but logs the would-be denial with its explanation; {@code OFF} skips the check.
 */
public enum EnforceMode {
    ON, AUDIT, OFF;

    public static EnforceMode parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
