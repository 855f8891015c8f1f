package io.sigil.server.api.sts;

import io.sigil.iam.sts.DelegatedAccessService;
import io.sigil.iam.sts.WebIdentityTokenService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import software.amazon.awssdk.services.sts.model.GetDelegatedAccessTokenRequest;
import software.amazon.awssdk.services.sts.model.GetDelegatedAccessTokenResponse;
import software.amazon.awssdk.services.sts.model.GetWebIdentityTokenRequest;
import software.amazon.awssdk.services.sts.model.GetWebIdentityTokenResponse;

/**
 * STS GetWebIdentityToken and GetDelegatedAccessToken (AWS STS API Reference). Authorisation (sts:GetWebIdentityToken
 * with sts:IdentityTokenAudience, sts:DurationSeconds, sts:SigningAlgorithm and the request tags, plus
 * sts:TagGetWebIdentityToken when tags are passed; sts:GetDelegatedAccessToken) runs before these handlers.
 */
public final class StsOutboundApi implements ApiModule {
    private final WebIdentityTokenService webIdentityTokens;
    private final DelegatedAccessService delegatedAccess;

    public StsOutboundApi(WebIdentityTokenService webIdentityTokens, DelegatedAccessService delegatedAccess) {
        this.webIdentityTokens = webIdentityTokens;
        this.delegatedAccess = delegatedAccess;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GetWebIdentityTokenRequest.class, this::getWebIdentityToken)
                .on(GetDelegatedAccessTokenRequest.class, this::getDelegatedAccessToken);
    }

    private GetWebIdentityTokenResponse getWebIdentityToken(GetWebIdentityTokenRequest r, CallContext call) {
        String region = "aws-global".equals(call.region()) ? "us-east-1" : call.region();
        WebIdentityTokenService.WebIdentityToken t = webIdentityTokens.issue(call.principal(), r.audience(),
                r.durationSeconds(), r.signingAlgorithm(), StsTokensApi.tags(r.tags()), region);
        return GetWebIdentityTokenResponse.builder().webIdentityToken(t.token()).expiration(t.expiration()).build();
    }

    private GetDelegatedAccessTokenResponse getDelegatedAccessToken(GetDelegatedAccessTokenRequest r,
                                                                    CallContext call) {
        DelegatedAccessService.DelegatedAccess a = delegatedAccess.exchange(call.principal(), r.tradeInToken());
        return GetDelegatedAccessTokenResponse.builder()
                .credentials(StsTokensApi.credentials(a.credentials()))
                .packedPolicySize(a.packedPolicySize())
                .assumedPrincipal(a.assumedPrincipal())
                .build();
    }
}
