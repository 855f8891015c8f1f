package io.sigil.server.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A request the Query protocol layer rejects before any service code runs: unknown or missing action, a
 * malformed parameter, a value of the wrong type, or constraint violations. Carries the {@link AwsError}
 * to render; its message is always safe to show.
 *
 * <p>Codes, statuses and texts follow the IAM and STS API References, "Common Errors"
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AwsError error;

    public ProtocolException(AwsError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    public AwsError error() {
        return error;
    }

    /** No {@code Action} parameter: "The request is missing an action or a required parameter." (400). */
    public static ProtocolException missingAction() {
        return sender("MissingAction", 400, "Missing Action");
    }

    /** An action this service version does not have, worded as AWS words it. */
    public static ProtocolException invalidAction(String action, String version) {
        return sender("InvalidAction", 400, "Could not find operation " + action + " for version " + version);
    }

    /**
     * The query string is structurally wrong for the operation's model: a list index that is not 1, 2, 3, …
     * in order, or a parameter given twice. "MalformedQueryString: The query string contains a syntax error."
     * AWS documents HTTP 404 for this code.
     */
    public static ProtocolException malformedQueryString(String message) {
        return sender("MalformedQueryString", 404, message);
    }

    /** "InvalidParameterValue: An invalid or out-of-range value was supplied for the input parameter." (400). */
    public static ProtocolException invalidParameterValue(String message) {
        return sender("InvalidParameterValue", 400, message);
    }

    /**
     * Constraint violations in AWS's wording: "1 validation error detected: …", or "N validation errors
     * detected: …; …" with the violations joined by "; ". Code {@code ValidationError}, HTTP 400, Sender.
     */
    public static ProtocolException validationError(List<String> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        int n = violations.size();
        String head = n + (n == 1 ? " validation error detected: " : " validation errors detected: ");
        return sender("ValidationError", 400, head + String.join("; ", violations));
    }

    private static ProtocolException sender(String code, int status, String message) {
        return new ProtocolException(new AwsError(code, status, Fault.SENDER, message));
    }
}
