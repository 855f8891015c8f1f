package io.sigil.iam.error;

/**
 * Every error code Sigil can answer with, and its HTTP status and fault side as AWS sends them.
 *
 * <p>IAM and STS modelled errors: the {@code error} traits of botocore's {@code iam/2010-05-08/service-2.json}
 * and {@code sts/2011-06-15/service-2.json} (Debian python3-botocore 1.29.27). Common errors: "Common Errors" in
 * the IAM API Reference; {@code AccessDenied} is answered with 403 as IAM does on the wire.
 */
public enum ErrorCode {
    // IAM modelled errors (botocore iam service-2.json).
    CONCURRENT_MODIFICATION("ConcurrentModification", 409, true),
    CREDENTIAL_REPORT_EXPIRED("ReportExpired", 410, true),
    CREDENTIAL_REPORT_NOT_PRESENT("ReportNotPresent", 410, true),
    CREDENTIAL_REPORT_NOT_READY("ReportInProgress", 404, true),
    DELETE_CONFLICT("DeleteConflict", 409, true),
    DUPLICATE_CERTIFICATE("DuplicateCertificate", 409, true),
    DUPLICATE_SSH_PUBLIC_KEY("DuplicateSSHPublicKey", 400, true),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409, true),
    ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409, true),
    FEATURE_DISABLED("FeatureDisabled", 404, true),
    FEATURE_ENABLED("FeatureEnabled", 409, true),
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403, true),
    INVALID_CERTIFICATE("InvalidCertificate", 400, true),
    INVALID_INPUT("InvalidInput", 400, true),
    INVALID_PUBLIC_KEY("InvalidPublicKey", 400, true),
    INVALID_USER_TYPE("InvalidUserType", 400, true),
    KEY_PAIR_MISMATCH("KeyPairMismatch", 400, true),
    LIMIT_EXCEEDED("LimitExceeded", 409, true),
    MALFORMED_CERTIFICATE("MalformedCertificate", 400, true),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400, true),
    NO_SUCH_ENTITY("NoSuchEntity", 404, true),
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400, true),
    POLICY_EVALUATION("PolicyEvaluation", 500, false),
    POLICY_NOT_ATTACHABLE("PolicyNotAttachable", 400, true),
    REPORT_GENERATION_LIMIT_EXCEEDED("ReportGenerationLimitExceeded", 409, true),
    SERVICE_FAILURE("ServiceFailure", 500, false),
    SERVICE_NOT_SUPPORTED("NotSupportedService", 404, true),
    UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400, true),
    UNRECOGNIZED_PUBLIC_KEY_ENCODING("UnrecognizedPublicKeyEncoding", 400, true),
    // Centralized root access and Organizations access reports (botocore iam service-2.json: these shapes carry no
    // error trait, so the wire code is the shape name and the status the Query protocol's default, 400).
    ACCOUNT_NOT_MANAGEMENT_OR_DELEGATED_ADMINISTRATOR("AccountNotManagementOrDelegatedAdministratorException", 400,
            true),
    CALLER_IS_NOT_MANAGEMENT_ACCOUNT("CallerIsNotManagementAccountException", 400, true),
    ORGANIZATION_NOT_FOUND("OrganizationNotFoundException", 400, true),
    ORGANIZATION_NOT_IN_ALL_FEATURES_MODE("OrganizationNotInAllFeaturesModeException", 400, true),
    SERVICE_ACCESS_NOT_ENABLED("ServiceAccessNotEnabledException", 400, true),

    // STS modelled errors (botocore sts service-2.json).
    EXPIRED_TOKEN("ExpiredTokenException", 400, true),
    EXPIRED_TRADE_IN_TOKEN("ExpiredTradeInTokenException", 400, true),
    JWT_PAYLOAD_SIZE_EXCEEDED("JWTPayloadSizeExceededException", 400, true),
    OUTBOUND_WEB_IDENTITY_FEDERATION_DISABLED("OutboundWebIdentityFederationDisabledException", 403, true),
    SESSION_DURATION_ESCALATION("SessionDurationEscalationException", 403, true),
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400, true),
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403, true),
    INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400, true),
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400, true),
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400, true),
    REGION_DISABLED("RegionDisabledException", 403, true),

    // Common errors (IAM API Reference, "Common Errors"), shared by every operation.
    ACCESS_DENIED("AccessDenied", 403, true),
    VALIDATION_ERROR("ValidationError", 400, true),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, true),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, true),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, true),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, true),
    REQUEST_EXPIRED("RequestExpired", 400, true),
    INVALID_ACTION("InvalidAction", 400, true),
    MISSING_ACTION("MissingAction", 400, true),
    MISSING_PARAMETER("MissingParameter", 400, true),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, true),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400, true),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404, true),
    THROTTLING("Throttling", 400, true),
    INTERNAL_FAILURE("InternalFailure", 500, false),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, false);

    private final String code;
    private final int httpStatus;
    private final boolean senderFault;

    ErrorCode(String code, int httpStatus, boolean senderFault) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    /** The {@code <Code>} element of the error response, e.g. {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True for {@code <Type>Sender</Type>}, false for {@code <Type>Receiver</Type>}. */
    public boolean senderFault() {
        return senderFault;
    }
}
