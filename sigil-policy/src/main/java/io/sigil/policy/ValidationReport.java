package io.sigil.policy;

import java.util.List;

/**
 * What the validator found, and the policy's size as IAM counts it against quotas (characters, whitespace outside
 * strings excluded: IAM and AWS STS quotas, "IAM and STS character limits").
 */
public record ValidationReport(List<Finding> findings, int size) {
    public ValidationReport {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** The first error's message, as IAM puts it in MalformedPolicyDocument; null if none. */
    public String firstErrorMessage() {
        return findings.stream().filter(Finding::isError).map(Finding::message).findFirst().orElse(null);
    }
}
