package io.sigil.server.sigv4;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link SigV4Verifier#verify}: the request is authentic, or it is rejected with AWS's error.
 *
 * @param <C> the server's credential type
 */
public sealed interface Verification<C extends SigningCredential> {

    /**
     * The request was signed with the secret of {@code accessKeyId} for this scope, within the allowed time.
     *
     * @param accessKeyId   the access key id from the credential scope
     * @param region        the signing region from the scope ({@code us-east-1} or {@code aws-global} by default)
     * @param service       the signing service from the scope ({@code iam} or {@code sts})
     * @param signingDate   the date of the credential scope
     * @param requestTime   the request time from {@code X-Amz-Date} (or {@code Date})
     * @param securityToken the session token sent with the request, if any
     * @param credential    what the lookup returned for the key
     * @param location      header or presigned query
     * @param signedHeaders the signed header names, lowercase, as the client listed them
     */
    record Verified<C extends SigningCredential>(
            String accessKeyId,
            String region,
            String service,
            LocalDate signingDate,
            Instant requestTime,
            Optional<String> securityToken,
            C credential,
            AuthLocation location,
            List<String> signedHeaders) implements Verification<C> {
        public Verified {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(signingDate, "signingDate");
            Objects.requireNonNull(requestTime, "requestTime");
            Objects.requireNonNull(securityToken, "securityToken");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(location, "location");
            signedHeaders = List.copyOf(signedHeaders);
        }
    }

    /**
     * The request is not authentic or not acceptable.
     *
     * @param error   the AWS error to answer with
     * @param details for {@code SignatureDoesNotMatch} on the signature itself: the canonical request and string to
     *                sign the server computed, for the server's debug log only (never in the response)
     */
    record Rejected<C extends SigningCredential>(SigV4Error error, Optional<SigningDetails> details)
            implements Verification<C> {
        public Rejected {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(details, "details");
        }
    }

    /** What the server computed for a request, for diagnosing signature mismatches. */
    record SigningDetails(String canonicalRequest, String stringToSign) {
        public SigningDetails {
            Objects.requireNonNull(canonicalRequest, "canonicalRequest");
            Objects.requireNonNull(stringToSign, "stringToSign");
        }
    }
}
