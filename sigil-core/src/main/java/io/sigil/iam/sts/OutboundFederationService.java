package io.sigil.iam.sts;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.model.OutboundFederation;
import io.sigil.iam.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * EnableOutboundWebIdentityFederation, DisableOutboundWebIdentityFederation and
 * GetOutboundWebIdentityFederationInfo (IAM API Reference), and the issuer's public face: its OpenID discovery
 * document and JWKS ("A unique issuer URL for your AWS account that hosts the OpenID Connect (OIDC) discovery
 * endpoints at /.well-known/openid-configuration and /.well-known/jwks.json").
 *
 * <p>AWS's issuer is {@code https://<unique id>.tokens.sts.global.api.aws}. Sigil cannot serve a host name per
 * account, so each account's issuer is a path on Sigil's own port: {@code <public base>/_sigil/outbound/<unique
 * id>}; relying parties append {@code /.well-known/...} to it exactly as they do to AWS's.
 */
public final class OutboundFederationService {
    /** Where issuers live under Sigil's public URL. */
    public static final String ISSUER_PATH = "/_sigil/outbound/";

    private final Store store;
    private final Clock clock;
    private final Supplier<String> publicUrl;
    private final JwtKeys keys;

    /** @param publicUrl Sigil's URL as relying parties reach it, e.g. {@code http://127.0.0.1:8383} */
    public OutboundFederationService(Store store, Clock clock, Supplier<String> publicUrl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.keys = new JwtKeys(store, clock);
    }

    /**
     * Turns the feature on, making the issuer (and its signing keys) on the first enable.
     *
     * @return the issuer identifier
     * @throws IamException FeatureEnabled when it is on already
     */
    public String enable(String accountId) {
        Instant now = clock.instant();
        OutboundFederation setting = store.inTransaction(tx -> {
            Optional<OutboundFederation> current = tx.outboundFederation().findForUpdate(accountId);
            if (current.isPresent() && current.get().enabled()) {
                throw new IamException(ErrorCode.FEATURE_ENABLED, "Outbound identity federation is already enabled"
                        + " for this account. To fetch the current configuration (including the unique issuer URL),"
                        + " use the GetOutboundWebIdentityFederationInfo operation.");
            }
            OutboundFederation next = current.map(c -> c.withEnabled(true, now))
                    .orElseGet(() -> new OutboundFederation(accountId, UUID.randomUUID().toString(), true, now));
            tx.outboundFederation().put(next);
            return next;
        });
        for (String alg : JwtKeys.ALGORITHMS) {
            keys.get(accountId, alg);
        }
        return issuer(setting.issuerId());
    }

    /** @throws IamException FeatureDisabled when it is off already (or was never on) */
    public void disable(String accountId) {
        Instant now = clock.instant();
        store.write(tx -> {
            OutboundFederation current = tx.outboundFederation().findForUpdate(accountId)
                    .filter(OutboundFederation::enabled)
                    .orElseThrow(OutboundFederationService::alreadyDisabled);
            tx.outboundFederation().put(current.withEnabled(false, now));
        });
    }

    /**
     * The issuer and whether the feature is on. A disabled account that had it on before still has its issuer.
     *
     * @throws IamException FeatureDisabled when the account never enabled it
     */
    public Info info(String accountId) {
        OutboundFederation s = store.read(tx -> tx.outboundFederation().find(accountId))
                .orElseThrow(OutboundFederationService::alreadyDisabled);
        return new Info(issuer(s.issuerId()), s.enabled());
    }

    /** GetOutboundWebIdentityFederationInfo's answer. */
    public record Info(String issuerIdentifier, boolean enabled) {}

    /** The account's issuer when the feature is on; empty when it is off. */
    Optional<String> enabledIssuer(String accountId) {
        return store.read(tx -> tx.outboundFederation().find(accountId)).filter(OutboundFederation::enabled)
                .map(s -> issuer(s.issuerId()));
    }

    JwtSigningKey signingKey(String accountId, String algorithm) {
        return keys.get(accountId, algorithm);
    }

    /** The OpenID discovery document of the issuer with this id, or empty for an unknown id. */
    public Optional<String> discoveryDocument(String issuerId) {
        return store.read(tx -> tx.outboundFederation().findByIssuer(issuerId)).map(s -> {
            String iss = issuer(s.issuerId());
            return "{\"issuer\":\"" + iss + "\",\"jwks_uri\":\"" + iss + "/.well-known/jwks.json\","
                    + "\"response_types_supported\":[\"id_token\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES384\"],"
                    + "\"claims_supported\":[\"iss\",\"sub\",\"aud\",\"iat\",\"exp\",\"jti\"]}";
        });
    }

    /** The public keys (RFC 7517 JWK Set) of the issuer with this id, or empty for an unknown id. */
    public Optional<String> jwks(String issuerId) {
        return store.read(tx -> tx.outboundFederation().findByIssuer(issuerId)
                .map(s -> tx.outboundFederation().signingKeys(s.accountId()))).map(JwtKeys::jwkSet);
    }

    private String issuer(String issuerId) {
        String base = publicUrl.get();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ISSUER_PATH + issuerId;
    }

    private static IamException alreadyDisabled() {
        return new IamException(ErrorCode.FEATURE_DISABLED,
                "Outbound identity federation is disabled for this account.");
    }
}
