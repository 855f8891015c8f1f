package io.sigil.iam.sts;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import java.time.Instant;

/**
 * The errors of AssumeRoleWithWebIdentity, with the texts AWS STS answers (as its users quote them in SDK and tool
 * issue trackers: aws-actions/configure-aws-credentials#280, #775; aws/aws-sdk-java-v2#5709; aws/aws-sdk-js-v3#3052;
 * aws/aws-sdk-net#1522) and, where no AWS text is known, the STS API Reference's description of the error.
 */
public final class WebIdentityErrors {
    /** AccessDenied (403): the role's trust policy does not allow the provider, or the role does not exist. */
    public static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithWebIdentity";
    public static final String INCORRECT_AUDIENCE = "Incorrect token audience";
    public static final String NOT_A_JWT = "The ID Token provided is not a valid JWT. (You may see this error if you "
            + "sent an Access Token)";
    /** AWS's text, with its two spaces after the comma. */
    public static final String NO_VERIFICATION_KEY = "Couldn't retrieve verification key from your identity "
            + "provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";
    /** STS API Reference, InvalidIdentityToken: "could not be validated by AWS". */
    public static final String NOT_VALIDATED = "The web identity token that was passed could not be validated by "
            + "AWS. Get a new identity token from the identity provider and then retry the request.";
    /** STS API Reference, IDPCommunicationError. */
    public static final String UNREACHABLE = "The request could not be fulfilled because the identity provider (IDP) "
            + "that was asked to verify the incoming identity token could not be reached.";

    private WebIdentityErrors() {
    }

    /**
     * A token without a claim STS requires: "Missing a required claim: sub" (aws-actions/configure-aws-credentials
     * #502), "Missing a required claim: aud" (aws/aws-sdk-ruby#2698).
     */
    public static IamException missingClaim(String claim) {
        return invalidToken("Missing a required claim: " + claim);
    }

    public static IamException invalidToken(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }

    /** "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com". */
    public static IamException noProvider(String issuer) {
        return invalidToken("No OpenIDConnect provider found in your account for " + issuer);
    }

    /** "Token expired: current date/time 1731098245 must be before the expiration date/time 1731095240". */
    public static IamException expired(Instant now, Instant exp) {
        return new IamException(ErrorCode.EXPIRED_TOKEN, "Token expired: current date/time " + now.getEpochSecond()
                + " must be before the expiration date/time " + exp.getEpochSecond());
    }

    /** A token whose nbf or iat lies ahead: worded after AWS's expiry text (no AWS text for it is known). */
    public static IamException notYetValid(Instant now, String claim, Instant at) {
        return invalidToken("Token is not yet valid: current date/time " + now.getEpochSecond() + " must not be "
                + "before the " + claim + " date/time " + at.getEpochSecond());
    }

    public static IamException unreachable() {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, UNREACHABLE);
    }

    public static IamException accessDenied() {
        return IamException.accessDenied(NOT_AUTHORIZED);
    }
}
