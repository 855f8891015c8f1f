package io.sigil.server.protocol;

import java.util.Objects;

/**
 * One error as the Query protocol reports it: code, HTTP status, fault and a message that is safe to show
 * to the caller (it never carries stack traces, SQL or other internals).
 *
 * @param code       the AWS error code, e.g. {@code NoSuchEntity}, {@code ValidationError}
 * @param httpStatus the HTTP status of the response
 * @param fault      {@code Sender} or {@code Receiver}
 * @param message    the text of {@code <Message>}
 */
public record AwsError(String code, int httpStatus, Fault fault, String message) {
    public AwsError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(message, "message");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("not an error status: " + httpStatus);
        }
    }
}
