package io.sigil.server.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.sigil.iam.sts.WebIdentityErrors;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each issuer's key set, from {@code ISSUER/.well-known/openid-configuration} › {@code jwks_uri} (OpenID Connect
 * Discovery 1.0 §4; the document's {@code issuer} must be the issuer itself, §4.3). Kept {@link #TTL}; a token naming
 * a key the cached set lacks refreshes it at once ("the provider rotated its keys"), but at most once per
 * {@link #MIN_REFRESH_INTERVAL} per issuer, so tokens with invented key ids cannot make Sigil hammer a provider.
 */
final class JwksCache {
    static final Duration TTL = Duration.ofHours(1);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private record Entry(JWKSet keys, Instant fetchedAt) {}

    private final IdpFetcher fetcher;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    JwksCache(IdpFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The issuer's keys, fetched when absent or older than {@link #TTL}. */
    JWKSet keys(String issuer) {
        synchronized (locks.computeIfAbsent(issuer, k -> new Object())) {
            Entry e = entries.get(issuer);
            if (e == null || clock.instant().isAfter(e.fetchedAt().plus(TTL))) {
                e = fetch(issuer);
            }
            return e.keys();
        }
    }

    /** Fresh keys when the cached ones are older than {@link #MIN_REFRESH_INTERVAL}, else the cached ones. */
    JWKSet refreshed(String issuer) {
        synchronized (locks.computeIfAbsent(issuer, k -> new Object())) {
            Entry e = entries.get(issuer);
            if (e == null || clock.instant().isAfter(e.fetchedAt().plus(MIN_REFRESH_INTERVAL))) {
                e = fetch(issuer);
            }
            return e.keys();
        }
    }

    private Entry fetch(String issuer) {
        try {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            Map<String, Object> discovery = JSONObjectUtils.parse(fetcher.get(base + DISCOVERY_PATH));
            if (!issuer.equals(JSONObjectUtils.getString(discovery, "issuer"))) {
                throw noKey();
            }
            String jwksUri = JSONObjectUtils.getString(discovery, "jwks_uri");
            if (jwksUri == null) {
                throw noKey();
            }
            Entry e = new Entry(JWKSet.parse(fetcher.get(jwksUri)), clock.instant());
            entries.put(issuer, e);
            return e;
        } catch (ParseException | IdpFetcher.BadAnswer e) {
            throw noKey();
        }
    }

    private static RuntimeException noKey() {
        return WebIdentityErrors.invalidToken(WebIdentityErrors.NO_VERIFICATION_KEY);
    }
}
