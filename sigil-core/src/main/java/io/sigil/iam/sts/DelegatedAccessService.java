package io.sigil.iam.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.ConstantTime;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.DelegationState;
import io.sigil.iam.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * STS GetDelegatedAccessToken (AWS STS API Reference): the partner that created a delegation request trades the
 * token SendDelegationToken released for temporary credentials of the identity that accepted the request, limited
 * by the request's permission policy (a session policy: the credentials can do what both the acceptor's policies and
 * the permission policy allow). The credentials end with the delegation period, SessionDuration after the token was
 * released ("The delegation period (exchange token validity) begins when the request reaches Finalized state").
 *
 * <p>An exchange token is {@code <request id>.<secret>}; the secret is 32 random bytes (base64url), kept sealed in
 * the store and compared in constant time.
 */
public final class DelegatedAccessService {
    private final Store store;
    private final SessionTokens tokens;
    private final Clock clock;

    public DelegatedAccessService(Store store, SessionTokens tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** GetDelegatedAccessToken's answer. */
    public record DelegatedAccess(IssuedCredentials credentials, String assumedPrincipal, int packedPolicySize) {}

    /** The exchange token of a released request, as the partner receives it. */
    public static String tradeInToken(DelegationRequest r) {
        return r.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(r.tradeInSecret());
    }

    /**
     * @throws IamException ExpiredTradeInTokenException once the delegation period is over; InvalidParameterValue
     *     for a token that is not one this account's released requests carry
     */
    public DelegatedAccess exchange(Principal caller, String tradeInToken) {
        int dot = tradeInToken == null ? -1 : tradeInToken.lastIndexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String id = tradeInToken.substring(0, dot);
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(tradeInToken.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Optional<DelegationRequest> found = store.read(tx -> tx.delegationRequests().find(id));
        DelegationRequest r = found.filter(x -> x.requestorAccountId().equals(caller.accountId()))
                .filter(x -> x.tradeInSecret() != null && ConstantTime.equals(x.tradeInSecret(), secret))
                .orElseThrow(DelegatedAccessService::invalid);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (r.stateAt(now) != DelegationState.FINALIZED) {
            throw new IamException(ErrorCode.EXPIRED_TRADE_IN_TOKEN, "The trade-in token has expired and can no "
                    + "longer be exchanged for credentials.");
        }
        int packed = PackedPolicySize.check(r.permissionPolicy(), List.of(), List.of());
        boolean role = r.approverSessionName() != null;
        Session s = new Session(role ? SessionKind.ASSUMED_ROLE : SessionKind.SESSION_TOKEN, r.ownerAccountId(),
                AccessKeyIds.temporary(r.ownerAccountId()), r.approverPrincipalArn(), r.approverSourceId(),
                role ? r.approverSessionName() : null, now, r.expirationTime(), null, r.permissionPolicy(),
                List.of(), List.of(), List.of(), null, false);
        return new DelegatedAccess(tokens.issue(s), s.arn(), packed);
    }

    private static IamException invalid() {
        return new IamException(ErrorCode.INVALID_PARAMETER_VALUE, "The trade-in token is not valid.");
    }
}
