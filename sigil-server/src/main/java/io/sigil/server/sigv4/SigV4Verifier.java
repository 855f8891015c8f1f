package io.sigil.server.sigv4;

import io.sigil.server.sigv4.internal.AuthParameters;
import io.sigil.server.sigv4.internal.AuthParser;
import io.sigil.server.sigv4.internal.CanonicalRequest;
import io.sigil.server.sigv4.internal.Checks;
import io.sigil.server.sigv4.internal.CredentialScope;
import io.sigil.server.sigv4.internal.Errors;
import io.sigil.server.sigv4.internal.Rejection;
import io.sigil.server.sigv4.internal.RequestTime;
import io.sigil.server.sigv4.internal.SigningKeys;
import io.sigil.server.sigv4.internal.StringToSign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 on IAM and STS requests, in the Authorization header or in a presigned query.
 *
 * <p>The checks run in the order AWS front ends apply them, and the first failure is the answer:
 * <ol>
 * <li>an Authorization header or X-Amz-Algorithm is present (else MissingAuthenticationToken);</li>
 * <li>the signature parameters are complete and well formed, X-Amz-Expires is 1..604800 (IncompleteSignature);</li>
 * <li>host is a signed header (SignatureDoesNotMatch);</li>
 * <li>the request time is ISO 8601 basic (IncompleteSignature), within the clock skew (SignatureDoesNotMatch) and,
 *     presigned, not past X-Amz-Expires (RequestExpired);</li>
 * <li>the credential has 5 parts (IncompleteSignature) and the scope names an accepted region and service,
 *     aws4_request and the request's date (SignatureDoesNotMatch);</li>
 * <li>the access key is known (InvalidClientTokenId);</li>
 * <li>the signature matches, compared in constant time, and the body hashes to the declared digest
 *     (SignatureDoesNotMatch);</li>
 * <li>a temporary credential has not expired (ExpiredToken).</li>
 * </ol>
 * Pure: no I/O of its own, no clock of its own; thread-safe.
 *
 * @param <C> the server's credential type
 */
public final class SigV4Verifier<C extends SigningCredential> {
    private final SigV4Config config;
    private final CredentialLookup<C> lookup;
    private final SigningKeys signingKeys;

    public SigV4Verifier(SigV4Config config, CredentialLookup<C> lookup) {
        this.config = Objects.requireNonNull(config, "config");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.signingKeys = new SigningKeys(config.signingKeyCacheSize());
    }

    public SigV4Config config() {
        return config;
    }

    /**
     * Verifies one request. Every rejection is a {@link Verification.Rejected}; only an exception thrown by the
     * credential lookup (a store failure) propagates, for the server to answer InternalFailure.
     *
     * @param request the request as received
     * @param now     the server's current time
     */
    public Verification<C> verify(SignedRequest request, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        try {
            return check(request, now);
        } catch (Rejection r) {
            return new Verification.Rejected<>(r.error(), Optional.empty());
        }
    }

    /**
     * The canonical request and string to sign the server computes for a request, without checking the clock, the
     * scope or the key: for debugging clients and for conformance tests. Empty if the request carries no parseable
     * signature parameters.
     */
    public Optional<Verification.SigningDetails> explain(SignedRequest request) {
        try {
            AuthParameters auth = AuthParser.parse(request);
            Instant time = RequestTime.parse(auth.date(), auth.fromDateHeader());
            CredentialScope scope = CredentialScope.parse(auth.credential());
            Computed computed = compute(request, auth, time, scope);
            return Optional.of(new Verification.SigningDetails(computed.canonical().text(), computed.stringToSign()));
        } catch (Rejection r) {
            return Optional.empty();
        }
    }

    private Verification<C> check(SignedRequest request, Instant now) {
        AuthParameters auth = AuthParser.parse(request);
        Checks.requireHostSigned(auth);
        Instant time = RequestTime.parse(auth.date(), auth.fromDateHeader());
        Checks.requireTimely(auth, time, now, config);
        CredentialScope scope = CredentialScope.parse(auth.credential());
        Checks.requireScope(scope, time, config);
        C credential = lookup.find(scope.accessKeyId(), auth.securityToken())
                .orElseThrow(Errors::invalidClientTokenId);

        Computed computed = compute(request, auth, time, scope);
        byte[] key = signingKeys.signingKey(credential.secretAccessKey(), scope.date(), scope.region(),
                scope.service());
        String expected = StringToSign.signature(key, computed.stringToSign());
        if (!MessageDigest.isEqual(ascii(expected), ascii(auth.signature()))) {
            return new Verification.Rejected<>(Errors.signatureMismatch().error(), Optional.of(
                    new Verification.SigningDetails(computed.canonical().text(), computed.stringToSign())));
        }
        computed.payloadHash().requireBodyMatches(request);
        if (credential.expiration().map(end -> !now.isBefore(end)).orElse(false)) {
            throw Errors.expiredToken();
        }
        // The scope's date is the request time's date (Checks.requireScope), so it need not be parsed.
        return new Verification.Verified<>(scope.accessKeyId(), scope.region(), scope.service(),
                LocalDate.ofInstant(time, ZoneOffset.UTC), time, auth.securityToken(),
                credential, auth.location(), auth.signedHeaders());
    }

    private record Computed(Checks.PayloadHash payloadHash, CanonicalRequest canonical, String stringToSign) {
    }

    private Computed compute(SignedRequest request, AuthParameters auth, Instant time, CredentialScope scope) {
        Checks.PayloadHash payloadHash = Checks.PayloadHash.of(request, auth, config);
        CanonicalRequest canonical = CanonicalRequest.of(request, auth.signedHeaders(),
                auth.location() == AuthLocation.QUERY, payloadHash.canonical());
        return new Computed(payloadHash, canonical, StringToSign.of(RequestTime.basic(time), scope, canonical));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
