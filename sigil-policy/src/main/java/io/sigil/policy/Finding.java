package io.sigil.policy;

/**
 * A validation finding: severity, a stable code (Access Analyzer's issue codes where one exists), a message
 * (for errors, the text IAM puts in MalformedPolicyDocument), a JSON path such as
 * {@code Statement[0].Condition.StringEquals}, and where in the text.
 */
public record Finding(Severity severity, String code, String message, String path, int line, int column) {
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
