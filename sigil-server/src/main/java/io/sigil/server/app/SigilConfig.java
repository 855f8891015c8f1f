package io.sigil.server.app;

import io.sigil.iam.Limits;
import io.sigil.server.api.EnforceMode;
import io.sigil.server.http.HttpLimits;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run a Sigil server: where to listen, where data lives, which database, how to enforce.
 *
 * @param bindHost  127.0.0.1 unless told otherwise: least surprise for a security service
 * @param port      0 picks a free port
 * @param dataDir   the data directory (SQLite file, master key, credentials file, audit log); for an ephemeral
 *                  server a temporary directory deleted at close
 * @param dbUrl     a {@code jdbc:postgresql://} URL, or null for the embedded SQLite store
 * @param dev       enables {@code POST /_sigil/reset}
 * @param env       the environment (SIGIL_* variables), passed in so tests control it
 * @param quotas    the IAM quotas in force: AWS's defaults ({@link Limits#AWS_DEFAULTS}) unless {@code --quota}
 *                  changed some
 */
public record SigilConfig(String bindHost, int port, Path dataDir, String dbUrl, EnforceMode enforce,
                          boolean ephemeral, boolean dev, HttpLimits limits, Map<String, String> env,
                          Limits quotas) {
    public static final int DEFAULT_PORT = 8383;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String ENV_ALLOW_HTTP_LOOPBACK_IDP = "SIGIL_ALLOW_HTTP_LOOPBACK_IDP";

    public SigilConfig {
        env = Map.copyOf(env);
        quotas = quotas == null ? Limits.AWS_DEFAULTS : quotas;
    }

    /** A configuration with AWS's default quotas. */
    public SigilConfig(String bindHost, int port, Path dataDir, String dbUrl, EnforceMode enforce,
                       boolean ephemeral, boolean dev, HttpLimits limits, Map<String, String> env) {
        this(bindHost, port, dataDir, dbUrl, enforce, ephemeral, dev, limits, env, Limits.AWS_DEFAULTS);
    }

    /**
     * An ephemeral, enforcing server on a free loopback port: what tests start. It accepts loopback http OIDC
     * providers (unless the environment given says otherwise), so tests can run their own identity provider.
     */
    public static SigilConfig forTests(Map<String, String> env) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.putIfAbsent(ENV_ALLOW_HTTP_LOOPBACK_IDP, "true");
        return new SigilConfig(DEFAULT_BIND, 0, null, null, EnforceMode.ON, true, true, HttpLimits.defaults(), e);
    }

    public SigilConfig withEnforce(EnforceMode mode) {
        return new SigilConfig(bindHost, port, dataDir, dbUrl, mode, ephemeral, dev, limits, env, quotas);
    }

    /**
     * Whether OpenID Connect providers may be plain {@code http://} on a loopback host (for tests and development:
     * an identity provider without a certificate); {@code SIGIL_ALLOW_HTTP_LOOPBACK_IDP=true}, which
     * {@code sigil serve --allow-http-loopback-idp} sets. AWS accepts only https providers.
     */
    public boolean allowHttpLoopbackIdp() {
        return "true".equalsIgnoreCase(env.get(ENV_ALLOW_HTTP_LOOPBACK_IDP));
    }

    public SigilConfig withLimits(HttpLimits newLimits) {
        return new SigilConfig(bindHost, port, dataDir, dbUrl, enforce, ephemeral, dev, newLimits, env, quotas);
    }

    public SigilConfig withQuotas(Limits newQuotas) {
        return new SigilConfig(bindHost, port, dataDir, dbUrl, enforce, ephemeral, dev, limits, env, newQuotas);
    }
}
