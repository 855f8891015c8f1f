package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.AuthLocation;
import io.sigil.server.sigv4.SigV4Config;
import io.sigil.server.sigv4.SignedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The checks between parsing and the signature itself, each citing the rule it applies. */
public final class Checks {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private Checks() {
    }

    /** "The host header must be included as a signed header" (SigV4 docs, "Elements of a request signature"). */
    public static void requireHostSigned(AuthParameters auth) {
        if (!auth.signedHeaders().contains("host") && !auth.signedHeaders().contains(":authority")) {
            throw Errors.hostNotSigned();
        }
    }

    /**
     * Header signatures are valid within {@code clockSkew} of the server's clock, either way (AWS: 15 minutes).
     * A presigned request is valid from {@code X-Amz-Date - clockSkew} until {@code X-Amz-Date + X-Amz-Expires}
     * (capped by {@code maxPresignedLifetime}); without X-Amz-Expires it is valid like a header signature.
     */
    public static void requireTimely(AuthParameters auth, Instant time, Instant now, SigV4Config config) {
        Duration skew = config.clockSkew();
        Instant latest = now.plus(skew);
        if (time.isAfter(latest)) {
            throw Errors.signatureNotYetCurrent(RequestTime.basic(time), RequestTime.basic(latest),
                    RequestTime.basic(now), skew);
        }
        if (auth.location() == AuthLocation.QUERY && auth.expires().isPresent()) {
            Duration lifetime = Duration.ofSeconds(auth.expires().get());
            if (lifetime.compareTo(config.maxPresignedLifetime()) > 0) {
                lifetime = config.maxPresignedLifetime();
            }
            if (now.isAfter(time.plus(lifetime))) {
                throw Errors.requestExpired();
            }
            return;
        }
        Instant earliest = now.minus(skew);
        if (time.isBefore(earliest)) {
            throw Errors.signatureExpired(RequestTime.basic(time), RequestTime.basic(earliest),
                    RequestTime.basic(now), skew);
        }
    }

    /** Whether a configured list accepts a scope value: it names it, or holds {@link SigV4Config#ANY}. */
    private static boolean accepts(List<String> accepted, String value) {
        return accepted.contains(value) || (accepted.contains(SigV4Config.ANY) && !value.isEmpty());
    }

    /**
     * The credential scope must name an accepted region and service, end in aws4_request, and carry the date of
     * the request time ("The date must match the date in X-Amz-Date"). All problems are reported at once.
     */
    public static void requireScope(CredentialScope scope, Instant time, SigV4Config config) {
        List<String> problems = new ArrayList<>();
        if (!accepts(config.regionsFor(scope.service()), scope.region())) {
            problems.add(Errors.wrongRegion(scope.region()));
        }
        if (!accepts(config.services(), scope.service())) {
            problems.add(Errors.wrongService(config.services().get(0)));
        }
        if (!scope.terminator().equals("aws4_request")) {
            problems.add(Errors.wrongTerminator(scope.terminator()));
        }
        String requestDate = RequestTime.basicDate(time);
        if (!scope.date().equals(requestDate)) {
            problems.add(Errors.wrongScopeDate(scope.date(), requestDate, RequestTime.basic(time)));
        }
        if (!problems.isEmpty()) {
            throw Errors.scopeErrors(problems);
        }
    }

    /**
     * The HashedPayload of the canonical request. If the client declared one in x-amz-content-sha256 (or, presigned,
     * X-Amz-Content-Sha256), that is what it signed; the body must then hash to it, unless it is UNSIGNED-PAYLOAD
     * and that is allowed.
     *
     * @param canonical  the value for the canonical request
     * @param mustMatch  the declared digest the body must have, if any
     */
    public record PayloadHash(String canonical, Optional<String> mustMatch) {

        public static PayloadHash of(SignedRequest request, AuthParameters auth, SigV4Config config) {
            Optional<String> declared = request.headers().first("x-amz-content-sha256");
            if (declared.isEmpty() && auth.location() == AuthLocation.QUERY) {
                declared = QueryParam.first(QueryParam.parse(request.rawQuery()), "X-Amz-Content-Sha256");
            }
            if (declared.isEmpty()) {
                return new PayloadHash(request.payload().sha256Hex(), Optional.empty());
            }
            String value = declared.get().trim();
            if (value.equals(UNSIGNED_PAYLOAD)) {
                return config.allowUnsignedPayload()
                        ? new PayloadHash(UNSIGNED_PAYLOAD, Optional.empty())
                        : new PayloadHash(request.payload().sha256Hex(), Optional.empty());
            }
            return new PayloadHash(value, Optional.of(value.toLowerCase(Locale.ROOT)));
        }

        /** After the signature is verified: the body must be the one whose digest was signed. */
        public void requireBodyMatches(SignedRequest request) {
            if (mustMatch.isPresent() && !mustMatch.get().equals(request.payload().sha256Hex())) {
                throw Errors.signatureMismatch();
            }
        }
    }
}
