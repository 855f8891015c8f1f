package io.sigil.iam.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;

import java.util.Optional;
import java.util.Set;

/**
 * What each kind of temporary credential may call, before any policy is read (IAM User Guide, "Compare AWS STS
 * credentials" and "Permissions for GetFederationToken / GetSessionToken"; spec §5.8, §10 G89):
 * <ul>
 * <li>GetFederationToken credentials cannot call IAM, and of STS only GetCallerIdentity;</li>
 * <li>GetSessionToken credentials call IAM only when MFA was used for them, and of STS only AssumeRole and
 *     GetCallerIdentity;</li>
 * <li>role credentials cannot call GetFederationToken or GetSessionToken.</li>
 * </ul>
 * Answers as AWS gives them: IAM refuses such a token as if it were not one of its own, InvalidClientTokenId "The
 * security token included in the request is invalid" (seen for GetSessionToken credentials without MFA:
 * 99designs/aws-vault#15, aws/aws-sdk-js#460, cloudyr/aws.iam#15; Sigil answers GetFederationToken credentials the
 * same way); STS answers AccessDenied "Cannot call GetSessionToken with session credentials" (aws/aws-sdk-net#1704,
 * aws/aws-sdk-js#3670 for role credentials; "Cannot call GetFederationToken with session credentials",
 * hashicorp/vault#4108), and Sigil words its other STS refusals the same way.
 */
public final class TemporaryCredentialRules {
    static final String INVALID_TOKEN = "The security token included in the request is invalid";
    private static final Set<String> SESSION_TOKEN_STS = Set.of("AssumeRole", "GetCallerIdentity",
            "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
    private static final Set<String> FEDERATED_STS = Set.of("GetCallerIdentity",
            "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
    private static final Set<String> ROLE_FORBIDDEN_STS = Set.of("GetFederationToken", "GetSessionToken");

    private TemporaryCredentialRules() {
    }

    /**
     * The refusal for this call, if the caller's kind of credentials may not make it.
     *
     * @param service   {@code iam} or {@code sts}
     * @param operation the operation name, e.g. {@code ListUsers}
     */
    public static Optional<IamException> refusal(Principal caller, String service, String operation) {
        Session s = caller.session();
        if (s == null) {
            return Optional.empty();
        }
        boolean iam = service.equals("iam");
        switch (s.kind()) {
            case FEDERATED_USER:
                if (iam) {
                    return Optional.of(invalidToken());
                }
                return FEDERATED_STS.contains(operation) ? Optional.empty() : Optional.of(sessionCredentials(operation));
            case SESSION_TOKEN:
                if (iam) {
                    return s.mfaPresent() ? Optional.empty() : Optional.of(invalidToken());
                }
                return SESSION_TOKEN_STS.contains(operation) ? Optional.empty()
                        : Optional.of(sessionCredentials(operation));
            default:
                return !iam && ROLE_FORBIDDEN_STS.contains(operation) ? Optional.of(sessionCredentials(operation))
                        : Optional.empty();
        }
    }

    /** GetSessionToken and GetFederationToken take long-term credentials only. */
    static void requireLongTerm(Principal caller, String operation) {
        if (caller.isTemporary()) {
            throw sessionCredentials(operation);
        }
    }

    private static IamException invalidToken() {
        return new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID_TOKEN);
    }

    private static IamException sessionCredentials(String operation) {
        return IamException.accessDenied("Cannot call " + operation + " with session credentials");
    }
}
