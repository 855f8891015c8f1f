package io.sigil.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the validator found, and the policy's size as IAM counts it against quotas (characters, whitespace outside
 * strings excluded: IAM and AWS STS quotas, "IAM and STS character limits").
 *
 * <p>Errors come first, in the order IAM checks them, so {@link #firstErrorMessage()} is the message IAM would
 * return for the document; warnings and suggestions follow in document order.
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

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    /** The findings of one severity, in report order. */
    public List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The distinct finding codes, for quick assertions and summaries. */
    public Set<String> codes() {
        return findings.stream().map(Finding::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
