package io.sigil.server.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An OpenID Connect identity provider inside the tests: RSA keys generated per run, a discovery document and a JWKS
 * served over loopback HTTP ({@code com.sun.net.httpserver}), and ID tokens signed with nimbus-jose-jwt. It counts
 * the JWKS fetches, so tests can see when Sigil refreshes its cache.
 */
public final class TestIdentityProvider implements AutoCloseable {
    private final HttpServer http;
    private final String issuer;
    private final List<RSAKey> published = new ArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();

    private TestIdentityProvider(HttpServer http, String issuer) {
        this.http = http;
        this.issuer = issuer;
    }

    /** A provider at {@code http://127.0.0.1:PORT}, publishing one fresh RSA key with kid {@code key-1}. */
    public static TestIdentityProvider start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIdentityProvider idp = new TestIdentityProvider(http,
                    "http://127.0.0.1:" + http.getAddress().getPort());
            idp.published.add(newKey("key-1"));
            http.createContext("/.well-known/openid-configuration", ex -> idp.reply(ex, "{\"issuer\":\""
                    + idp.issuer + "\",\"jwks_uri\":\"" + idp.issuer + "/jwks\",\"id_token_signing_alg_values_supported"
                    + "\":[\"RS256\"]}"));
            http.createContext("/jwks", ex -> {
                idp.jwksFetches.incrementAndGet();
                idp.reply(ex, idp.jwks());
            });
            http.start();
            return idp;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer URL, which is also what CreateOpenIDConnectProvider registers. */
    public String issuer() {
        return issuer;
    }

    /** The provider's name in ARNs and condition keys: the issuer without {@code http://}. */
    public String name() {
        return issuer.substring("http://".length());
    }

    public RSAKey key() {
        return published.get(0);
    }

    /** Publishes another key (a rotation). */
    public synchronized void publish(RSAKey key) {
        published.add(key);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** A token from this issuer for {@code aud}, subject {@code sub}, valid for ten minutes from now. */
    public String token(String aud, String sub) {
        return token(c -> c.audience(aud).subject(sub));
    }

    /** A token from this issuer signed with {@link #key()}, iat now and exp in ten minutes, then {@code claims}. */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(key(), claims);
    }

    public String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        claims.accept(b);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    b.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized String jwks() {
        return new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                .toString();
    }

    private void reply(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
