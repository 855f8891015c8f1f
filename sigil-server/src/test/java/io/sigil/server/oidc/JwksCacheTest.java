package io.sigil.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sigil.iam.error.IamException;
import io.sigil.iam.sts.WebIdentityErrors;
import io.sigil.server.testing.TestIdentityProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery and key fetching (OpenID Connect Discovery 1.0 §4): what a provider must answer for its keys to be used,
 * the size cap, and which failures are "no key" (InvalidIdentityToken) and which "unreachable" (IDPCommunicationError).
 */
class JwksCacheTest {
    private HttpServer http;
    private String issuer;
    private final AtomicReference<String> discovery = new AtomicReference<>();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicReference<Integer> jwksStatus = new AtomicReference<>(200);

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + http.getAddress().getPort();
        discovery.set("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
        jwks.set("{\"keys\":[" + TestIdentityProvider.newKey("k1").toPublicJWK().toJSONString() + "]}");
        http.createContext("/.well-known/openid-configuration", ex -> reply(ex, 200, discovery.get()));
        http.createContext("/jwks", ex -> reply(ex, jwksStatus.get(), jwks.get()));
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private JwksCache cache(boolean allowHttpLoopback) {
        return new JwksCache(new IdpFetcher(allowHttpLoopback), Clock.systemUTC());
    }

    private static void fails(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (message != null) {
                assertThat(e.safeMessage()).isEqualTo(message);
            }
        });
    }

    @Test
    void theKeysAreFoundThroughTheDiscoveryDocumentsJwksUri() {
        assertThat(cache(true).keys(issuer).getKeyByKeyId("k1")).isNotNull();
    }

    @Test
    void plainHttp_isNotFetched_withoutTheLoopbackFlag() {
        fails(() -> cache(false).keys(issuer), "InvalidIdentityToken", WebIdentityErrors.NO_VERIFICATION_KEY);
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuer_givesNoKeys() {
        discovery.set("{\"issuer\":\"https://evil.example.com\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
        fails(() -> cache(true).keys(issuer), "InvalidIdentityToken", WebIdentityErrors.NO_VERIFICATION_KEY);
    }

    @Test
    void aDiscoveryDocumentWithoutJwksUri_orAJwksThatIsNoJson_givesNoKeys() {
        discovery.set("{\"issuer\":\"" + issuer + "\"}");
        fails(() -> cache(true).keys(issuer), "InvalidIdentityToken", WebIdentityErrors.NO_VERIFICATION_KEY);
        discovery.set("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
        jwks.set("<html>not json</html>");
        fails(() -> cache(true).keys(issuer), "InvalidIdentityToken", WebIdentityErrors.NO_VERIFICATION_KEY);
    }

    @Test
    void aKeySetAtTheSizeCap_isRead_oneByteMoreIsRefused() {
        String head = "{\"keys\":[" + TestIdentityProvider.newKey("k1").toPublicJWK().toJSONString() + "],\"pad\":\"";
        String tail = "\"}";
        int fill = IdpFetcher.MAX_BYTES - head.length() - tail.length();
        jwks.set(head + "x".repeat(fill) + tail);
        assertThat(cache(true).keys(issuer).getKeys()).hasSize(1);

        jwks.set(head + "x".repeat(fill + 1) + tail);
        fails(() -> cache(true).keys(issuer), "InvalidIdentityToken", WebIdentityErrors.NO_VERIFICATION_KEY);
    }

    @Test
    void a404_isNoKey_butA5xxOrAClosedPort_isUnreachable() {
        jwksStatus.set(404);
        fails(() -> cache(true).keys(issuer), "InvalidIdentityToken", WebIdentityErrors.NO_VERIFICATION_KEY);
        jwksStatus.set(503);
        fails(() -> cache(true).keys(issuer), "IDPCommunicationError", WebIdentityErrors.UNREACHABLE);
        http.stop(0);
        fails(() -> cache(true).keys(issuer), "IDPCommunicationError", WebIdentityErrors.UNREACHABLE);
    }
}
