package io.sigil.iam.error;

import java.util.Objects;

/**
 * The one exception type for every IAM/STS error: its {@link ErrorCode} (code, HTTP status, Sender/Receiver) and a
 * message that is safe to show to the caller. Internal detail (SQL, stack traces) stays in the cause, which is
 * logged and never rendered.
 *
 * <p>Factory methods name the common errors; AWS's message texts are given by the caller, e.g.
 * {@code noSuchEntity("The user with name bob cannot be found.")}.
 */
public class IamException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String safeMessage;

    public IamException(ErrorCode errorCode, String safeMessage) {
        this(errorCode, safeMessage, null);
    }

    public IamException(ErrorCode errorCode, String safeMessage, Throwable cause) {
        super(errorCode.code() + ": " + safeMessage, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.safeMessage = Objects.requireNonNull(safeMessage, "safeMessage");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The wire code, e.g. {@code EntityAlreadyExists}. */
    public String code() {
        return errorCode.code();
    }

    public int httpStatus() {
        return errorCode.httpStatus();
    }

    public boolean senderFault() {
        return errorCode.senderFault();
    }

    /** The {@code <Message>} text: written for the caller, never holds internal detail. */
    public String safeMessage() {
        return safeMessage;
    }

    public static IamException noSuchEntity(String message) {
        return new IamException(ErrorCode.NO_SUCH_ENTITY, message);
    }

    public static IamException entityAlreadyExists(String message) {
        return new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, message);
    }

    /**
     * LimitExceeded's text for an OIDC provider's tags past the quota (TagOpenIDConnectProvider's answer to a 51st tag
     * in LocalStack's AWS-validated snapshots, 2026), where other resources name the quota ("Cannot exceed quota for
     * TagsPerRole: 50").
     */
    public static final String TAG_LIMIT_REACHED = "The number of tags has reached the maximum limit.";

    public static IamException limitExceeded(String message) {
        return new IamException(ErrorCode.LIMIT_EXCEEDED, message);
    }

    /** AWS's quota text: {@code Cannot exceed quota for UsersPerAccount: 5000}. */
    public static IamException quotaExceeded(String quotaName, int quota) {
        return limitExceeded("Cannot exceed quota for " + quotaName + ": " + quota);
    }

    public static IamException deleteConflict(String message) {
        return new IamException(ErrorCode.DELETE_CONFLICT, message);
    }

    public static IamException malformedPolicyDocument(String message) {
        return new IamException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }

    public static IamException invalidInput(String message) {
        return new IamException(ErrorCode.INVALID_INPUT, message);
    }

    public static IamException validationError(String message) {
        return new IamException(ErrorCode.VALIDATION_ERROR, message);
    }

    public static IamException accessDenied(String message) {
        return new IamException(ErrorCode.ACCESS_DENIED, message);
    }

    public static IamException concurrentModification(String message) {
        return new IamException(ErrorCode.CONCURRENT_MODIFICATION, message);
    }

    /** A failure on our side; the cause is kept for the log, the caller sees a fixed text. */
    public static IamException serviceFailure(Throwable cause) {
        return new IamException(ErrorCode.SERVICE_FAILURE,
                "The request processing has failed because of an unknown error, exception or failure.", cause);
    }
}
