package io.sigil.policy;

import io.sigil.policy.internal.validation.Validation;

/**
 * Validates policy text for its type, in the style of IAM Access Analyzer's ValidatePolicy: errors are exactly
 * what IAM rejects with MalformedPolicyDocument (with IAM's messages; for SCPs and RCPs, AWS Organizations'
 * message), ordered so that the first is the one IAM reports; security warnings, warnings and suggestions follow
 * Access Analyzer's policy checks, with its issue codes.
 *
 * <p>{@link #validate} treats identity policies and permissions boundaries as managed policies, which IAM requires
 * to use {@code "Version": "2012-10-17"}; {@link #validateInline} is for inline policies, role trust policies and
 * session policies, where a missing Version is only a warning.
 */
public final class PolicyValidator {
    private PolicyValidator() {}

    public static ValidationReport validate(String text, PolicyType type) {
        boolean managed = type == PolicyType.IDENTITY || type == PolicyType.PERMISSIONS_BOUNDARY
                || type == PolicyType.SCP || type == PolicyType.RCP;
        return Validation.run(text, type, managed, nonWhitespaceSize(text));
    }

    /** Validates a policy stored inline (PutUserPolicy, PutGroupPolicy, PutRolePolicy) or passed as a session policy. */
    public static ValidationReport validateInline(String text, PolicyType type) {
        return Validation.run(text, type, type == PolicyType.SCP || type == PolicyType.RCP, nonWhitespaceSize(text));
    }

    /**
     * Characters that count against IAM's policy size quotas: all but JSON whitespace outside strings (IAM and AWS
     * STS quotas: "IAM does not count white space"). Whitespace inside a string is part of the value and counts.
     */
    public static int nonWhitespaceSize(String text) {
        return withoutWhitespace(text).length();
    }

    /**
     * The text without JSON whitespace outside strings: what {@link #nonWhitespaceSize} counts, and what AWS STS
     * packs of a session policy (io.sigil.iam.sts.PackedPolicySize).
     */
    public static String withoutWhitespace(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                sb.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
                if (c == '"') {
                    inString = true;
                }
            }
        }
        return sb.toString();
    }
}
