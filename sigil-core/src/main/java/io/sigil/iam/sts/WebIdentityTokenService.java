package io.sigil.iam.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.model.Tag;
import io.sigil.iam.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * STS GetWebIdentityToken (AWS STS API Reference; IAM User Guide, "Understanding token claims"): a JWT that names
 * the caller, signed with the account's issuer key, for relying parties outside AWS. Standard claims are
 * {@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} and {@code jti}; AWS's own sit under the
 * {@code https://sts.amazonaws.com/} claim: {@code aws_account}, {@code source_region}, {@code principal_id},
 * {@code principal_tags} and, from the request's Tags, {@code request_tags}.
 */
public final class WebIdentityTokenService {
    /** DurationSeconds: "If not specified, the default duration is 300 seconds (5 minutes)". */
    public static final int DEFAULT_DURATION_SECONDS = 300;
    /** The namespace claim that holds AWS's identity claims. */
    public static final String AWS_CLAIMS = "https://sts.amazonaws.com/";

    private final Store store;
    private final OutboundFederationService federation;
    private final Clock clock;

    public WebIdentityTokenService(Store store, OutboundFederationService federation, Clock clock) {
        this.store = store;
        this.federation = federation;
        this.clock = clock;
    }

    /** The token and when it stops being valid (the response's WebIdentityToken and Expiration). */
    public record WebIdentityToken(String token, Instant expiration) {
        @Override
        public String toString() {
            return "WebIdentityToken[expires " + expiration + "]";
        }
    }

    /**
     * @param region the region the request was signed for ({@code source_region})
     * @throws IamException ValidationError (unknown algorithm), OutboundWebIdentityFederationDisabledException,
     *     SessionDurationEscalationException (a session asking beyond its own end)
     */
    public WebIdentityToken issue(Principal caller, List<String> audience, Integer durationSeconds, String algorithm,
                                  List<Tag> tags, String region) {
        if (!JwtKeys.ALGORITHMS.contains(algorithm)) {
            throw IamException.validationError("1 validation error detected: Value '" + algorithm + "' at "
                    + "'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: "
                    + JwtKeys.ALGORITHMS);
        }
        String issuer = federation.enabledIssuer(caller.accountId()).orElseThrow(() -> new IamException(
                ErrorCode.OUTBOUND_WEB_IDENTITY_FEDERATION_DISABLED, "The outbound web identity federation feature "
                + "is not enabled for this account. To use this feature, you must first enable it through the AWS "
                + "Management Console or API."));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int duration = durationSeconds == null ? DEFAULT_DURATION_SECONDS : durationSeconds;
        Instant exp = now.plusSeconds(duration);
        if (caller.session() != null && exp.isAfter(caller.session().expiresAt())) {
            throw new IamException(ErrorCode.SESSION_DURATION_ESCALATION, "The requested token duration would "
                    + "extend the session beyond its original expiration time.");
        }
        JwtSigningKey key = federation.signingKey(caller.accountId(), algorithm);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(caller.principalArn())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(UUID.randomUUID().toString())
                .claim(AWS_CLAIMS, awsClaims(caller, tags, region))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JwtKeys.algorithm(key)).keyID(key.keyId())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(JwtKeys.signer(key));
        } catch (JOSEException e) {
            throw IamException.serviceFailure(e);
        }
        return new WebIdentityToken(jwt.serialize(), exp);
    }

    private Map<String, Object> awsClaims(Principal caller, List<Tag> tags, String region) {
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("aws_account", caller.accountId());
        aws.put("source_region", region);
        aws.put("principal_id", caller.principalArn());
        Map<String, Object> principalTags = principalTags(caller);
        if (!principalTags.isEmpty()) {
            aws.put("principal_tags", principalTags);
        }
        if (tags != null && !tags.isEmpty()) {
            Map<String, Object> request = new LinkedHashMap<>();
            tags.forEach(t -> request.put(t.key(), t.value()));
            aws.put("request_tags", request);
        }
        return aws;
    }

    /**
     * The caller's principal tags ({@code aws:PrincipalTag}): the user's tags, or a role session's role tags with
     * its session tags over them.
     */
    private Map<String, Object> principalTags(Principal caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (caller.user() != null && caller.isIamUser()) {
            caller.user().tags().forEach(t -> out.put(t.key(), t.value()));
        } else if (caller.session() != null && caller.session().kind() == SessionKind.ASSUMED_ROLE) {
            String role = caller.session().roleName();
            store.read(tx -> tx.roles().find(caller.accountId(), role)).ifPresent(
                    r -> r.tags().forEach(t -> out.put(t.key(), t.value())));
            caller.session().tags().forEach(t -> out.put(t.key(), t.value()));
        }
        return out;
    }
}
