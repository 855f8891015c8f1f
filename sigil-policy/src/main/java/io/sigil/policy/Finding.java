package io.sigil.policy;

/**
 * A validation finding: severity, a stable code (IAM Access Analyzer's issue code where one exists, e.g.
 * {@code MISSING_ACTION}, {@code PASS_ROLE_WITH_STAR_IN_RESOURCE}), a message, a JSON path such as
 * {@code Statement[0].Condition.StringEquals}, where in the text (1-based line and column, 0 when unknown), and an
 * optional detail.
 *
 * <p>For errors, {@code message} is the exact text IAM puts in {@code MalformedPolicyDocument} (often as terse as
 * "Syntax errors in policy."), and {@code detail} says precisely what is wrong, in the words of Access Analyzer's
 * policy check reference. For warnings and suggestions, {@code message} is Access Analyzer's {@code findingDetails}
 * text and {@code detail} is usually null.
 *
 * <p>{@code span} is the whole element the finding is about (start and exclusive end, with character offsets), as
 * Access Analyzer's ValidatePolicy reports a finding's location; {@link SourceSpan#NONE} when unknown.
 */
public record Finding(Severity severity, String code, String message, String path, int line, int column,
                      String detail, SourceSpan span) {

    public Finding {
        span = span == null ? SourceSpan.NONE : span;
    }

    public Finding(Severity severity, String code, String message, String path, int line, int column,
                   String detail) {
        this(severity, code, message, path, line, column, detail, SourceSpan.NONE);
    }

    public Finding(Severity severity, String code, String message, String path, int line, int column) {
        this(severity, code, message, path, line, column, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
