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

    /** @param refreshedAt when a token's unknown key id last caused a fetch, or null */
    private record Entry(JWKSet keys, Instant fetchedAt, Instant refreshedAt) {}

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
                e = fetch(issuer, e == null ? null : e.refreshedAt());
            }
            return e.keys();
        }
    }

    /**
     * Fresh keys, for a token whose key id the cached set lacks: fetched unless such a refresh already happened within
     * {@link #MIN_REFRESH_INTERVAL}, in which case the cached set stands.
     */
    JWKSet refreshed(String issuer) {
        synchronized (locks.computeIfAbsent(issuer, k -> new Object())) {
            Entry e = entries.get(issuer);
            Instant now = clock.instant();
            if (e == null || e.refreshedAt() == null || now.isAfter(e.refreshedAt().plus(MIN_REFRESH_INTERVAL))) {
                e = fetch(issuer, now);
            }
            return e.keys();
        }
    }

    private Entry fetch(String issuer, Instant refreshedAt) {
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
            Entry e = new Entry(JWKSet.parse(fetcher.get(jwksUri)), clock.instant(), refreshedAt);
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
