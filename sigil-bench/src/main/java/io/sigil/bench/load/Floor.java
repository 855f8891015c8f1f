package io.sigil.bench.load;

import io.sigil.iam.auth.Principal;
import io.sigil.server.api.KeyCredential;
import io.sigil.server.http.ApiEndpoint;
import io.sigil.server.http.HttpCall;
import io.sigil.server.http.HttpLimits;
import io.sigil.server.http.HttpReply;
import io.sigil.server.http.SigilHttpServer;
import io.sigil.server.sigv4.Payload;
import io.sigil.server.sigv4.SigV4Config;
import io.sigil.server.sigv4.SigV4Verifier;
import io.sigil.server.sigv4.SignedRequest;
import io.sigil.server.sigv4.Verification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The floor for the load test: the same Jetty edge and SigV4 verifier as Sigil, answering a fixed body, with no
 * decoding, authorisation, storage or encoding. Sigil's own answer can only be slower.
 */
final class Floor implements AutoCloseable {
    private static final byte[] BODY = ("<GetUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
            + "<GetUserResult/><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetUserResponse>")
            .getBytes(StandardCharsets.UTF_8);

    private final SigilHttpServer server;

    Floor(String keyId, String secret) throws Exception {
        server = new SigilHttpServer("127.0.0.1", 0, HttpLimits.defaults(), Map.of(), endpoint(keyId, secret));
        server.start();
    }

    /** The floor's handler alone: SigV4 verification of the call, then the fixed body. */
    static ApiEndpoint endpoint(String keyId, String secret) {
        KeyCredential cred = new KeyCredential(secret, Principal.root("123456789012", keyId));
        SigV4Verifier<KeyCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
                (id, token) -> id.equals(keyId) ? Optional.of(cred) : Optional.empty());
        return new ApiEndpoint() {
            @Override
            public HttpReply handle(HttpCall call) {
                Verification<KeyCredential> v = verifier.verify(new SignedRequest(call.method(), call.rawPath(),
                        call.rawQuery(), call.headers(), new Payload.Bytes(call.body())), Instant.now());
                int status = v instanceof Verification.Verified ? 200 : 403;
                return new HttpReply(status, "text/xml", Map.of(), BODY);
            }

            @Override
            public HttpReply refuse(HttpCall partial, int status, String code, String message) {
                return new HttpReply(status, "text/xml", Map.of(), BODY);
            }
        };
    }

    int port() {
        return server.port();
    }

    /** Where the floor answers. */
    java.net.URI uri() {
        return java.net.URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
