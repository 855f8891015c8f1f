package io.sigil.iam.model;

import java.util.Optional;

/**
 * The version of session tokens that the global STS endpoint ({@code sts.amazonaws.com}) issues for an account (IAM
 * API Reference, "SetSecurityTokenServicePreferences"): "Version 1 tokens are valid only in AWS Regions that are
 * available by default ... Version 2 tokens are valid in all Regions. However, version 2 tokens are longer and might
 * affect systems where you temporarily store tokens." Regional endpoints always issue version 2 tokens. An account
 * that never set it has version 1 (GetAccountSummary: {@code GlobalEndpointTokenVersion} 1).
 */
public enum GlobalEndpointTokenVersion {
    V1_TOKEN("v1Token", 1),
    V2_TOKEN("v2Token", 2);

    /** What an account that never called SetSecurityTokenServicePreferences has. */
    public static final GlobalEndpointTokenVersion DEFAULT = V1_TOKEN;

    private final String wireName;
    private final int number;

    GlobalEndpointTokenVersion(String wireName, int number) {
        this.wireName = wireName;
        this.number = number;
    }

    /** The API value: {@code v1Token} or {@code v2Token}. */
    public String wireName() {
        return wireName;
    }

    /** The number GetAccountSummary reports in its {@code GlobalEndpointTokenVersion} entry: 1 or 2. */
    public int number() {
        return number;
    }

    public static Optional<GlobalEndpointTokenVersion> fromWire(String s) {
        for (GlobalEndpointTokenVersion v : values()) {
            if (v.wireName.equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public static Optional<GlobalEndpointTokenVersion> fromNumber(int n) {
        for (GlobalEndpointTokenVersion v : values()) {
            if (v.number == n) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
