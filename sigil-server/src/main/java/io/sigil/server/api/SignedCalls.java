package io.sigil.server.api;

import io.sigil.server.http.HttpCall;
import io.sigil.server.sigv4.Payload;
import io.sigil.server.sigv4.SigV4Error;
import io.sigil.server.sigv4.SigV4Verifier;
import io.sigil.server.sigv4.SignedRequest;
import io.sigil.server.sigv4.Verification;

import java.time.Instant;
import java.util.function.Function;

/**
 * The SigV4 step of an API call, alike for the Query API (ApiDispatcher) and the REST-JSON operations
 * (io.sigil.server.rest): the call as it came over the wire, verified at the server's time; only the words of a
 * rejection differ between the protocols.
 */
public final class SignedCalls {
    private SignedCalls() {
    }

    /**
     * @param rejected the protocol's error for the verifier's rejection, thrown
     * @return the verified signature, with the caller's credential
     */
    public static Verification.Verified<KeyCredential> verify(
            SigV4Verifier<KeyCredential> verifier, HttpCall call, Instant now,
            Function<SigV4Error, ? extends RuntimeException> rejected) {
        SignedRequest signed = new SignedRequest(call.method(), call.rawPath(), call.rawQuery(), call.headers(),
                new Payload.Bytes(call.body()));
        Verification<KeyCredential> v = verifier.verify(signed, now);
        if (v instanceof Verification.Rejected<KeyCredential> r) {
            throw rejected.apply(r.error());
        }
        return (Verification.Verified<KeyCredential>) v;
    }
}
