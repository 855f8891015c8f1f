package io.sigil.server.protocol;

import java.util.Objects;

/**
 * An error code that the IAM or STS model declares, with the HTTP status and fault AWS gives it
 * (botocore's {@code error} trait of each exception shape), e.g. {@code NoSuchEntity}, 404, Sender.
 *
 * @param service    the service that declares it
 * @param code       the code written in {@code <Code>}
 * @param httpStatus the HTTP status
 * @param fault      Sender or Receiver
 */
public record ModeledError(AwsService service, String code, int httpStatus, Fault fault) {
    public ModeledError {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fault, "fault");
    }

    /** This error with {@code message}, ready to write. */
    public AwsError withMessage(String message) {
        return new AwsError(code, httpStatus, fault, message);
    }
}
