package io.sigil.server.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sigil.iam.sts.WebIdentityClaims;
import io.sigil.iam.sts.WebIdentityErrors;
import io.sigil.iam.sts.WebIdentityTokens;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@link WebIdentityTokens} with nimbus-jose-jwt: a token must be a JWS (RFC 7515) in compact form, signed with an
 * asymmetric algorithm by a key of its issuer's published JWKS. HMAC algorithms are refused whatever the key set
 * holds (an issuer's public key used as an HMAC secret is the classic forgery), as is {@code alg: none}, which is no
 * JWS at all. A token without {@code kid} is tried against each signing key of the right type.
 */
public final class JwtWebIdentityTokens implements WebIdentityTokens {
    /** RS*, PS* and ES* (OpenID Connect Core 1.0 §15.1 requires RS256 of every provider). */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private final JwksCache keys;

    /** @param allowHttpLoopback fetch keys over plain HTTP from loopback issuers (tests, development) */
    public JwtWebIdentityTokens(Clock clock, boolean allowHttpLoopback) {
        this.keys = new JwksCache(new IdpFetcher(allowHttpLoopback), clock);
    }

    @Override
    public String issuer(String token) {
        try {
            String iss = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
            if (iss == null || iss.isEmpty()) {
                throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_A_JWT);
            }
            return iss;
        } catch (ParseException | RuntimeException e) {
            if (e instanceof io.sigil.iam.error.IamException iam) {
                throw iam;
            }
            throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_A_JWT);
        }
    }

    @Override
    public WebIdentityClaims verify(String token, String issuerUrl) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_A_JWT);
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm()) || !issuerUrl.equals(claims.getIssuer())) {
            throw notValidated();
        }
        List<JWK> candidates = candidates(keys.keys(issuerUrl), header);
        if (candidates.isEmpty() && header.getKeyID() != null) {
            candidates = candidates(keys.refreshed(issuerUrl), header);
        }
        if (candidates.isEmpty()) {
            throw WebIdentityErrors.invalidToken(WebIdentityErrors.NO_VERIFICATION_KEY);
        }
        for (JWK key : candidates) {
            if (verifies(jwt, key)) {
                return WebIdentityClaimsReader.read(claims);
            }
        }
        throw notValidated();
    }

    /** The signing keys that may have made this signature: by kid when the header names one, and by key type. */
    private static List<JWK> candidates(JWKSet set, JWSHeader header) {
        String kid = header.getKeyID();
        boolean ec = JWSAlgorithm.Family.EC.contains(header.getAlgorithm());
        return set.getKeys().stream()
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .filter(k -> ec ? k instanceof ECKey : k instanceof RSAKey)
                .filter(k -> k.getAlgorithm() == null || k.getAlgorithm().equals(header.getAlgorithm()))
                .toList();
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec.toPublicJWK())
                    : new RSASSAVerifier(((RSAKey) key).toPublicJWK());
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static RuntimeException notValidated() {
        return WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_VALIDATED);
    }
}
