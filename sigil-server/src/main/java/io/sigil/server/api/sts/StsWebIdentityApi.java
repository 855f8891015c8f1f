package io.sigil.server.api.sts;

import io.sigil.iam.sts.WebIdentityService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import io.sigil.server.api.RequestKeys;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * STS AssumeRoleWithWebIdentity (AWS STS API Reference, "AssumeRoleWithWebIdentity"): "Calling
 * AssumeRoleWithWebIdentity does not require the use of AWS security credentials", so the dispatcher lets it through
 * unsigned and the call carries no principal; the rules are {@link WebIdentityService}'s. {@code Provider} is the
 * IAM OIDC provider's ARN, as STS answers for tokens of an IAM OIDC provider.
 */
public final class StsWebIdentityApi implements ApiModule {
    private final WebIdentityService webIdentity;

    public StsWebIdentityApi(WebIdentityService webIdentity) {
        this.webIdentity = webIdentity;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(AssumeRoleWithWebIdentityRequest.class, this::assumeRoleWithWebIdentity);
    }

    private AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest r,
                                                                      CallContext call) {
        WebIdentityService.Result out = webIdentity.assume(new WebIdentityService.Request(r.roleArn(),
                r.roleSessionName(), r.webIdentityToken(), r.providerId(), r.durationSeconds(), r.policy(),
                StsTokensApi.policyArns(r.policyArns())), RequestKeys.of(call));
        return AssumeRoleWithWebIdentityResponse.builder()
                .credentials(StsTokensApi.credentials(out.credentials()))
                .subjectFromWebIdentityToken(out.subject())
                .assumedRoleUser(AssumedRoleUser.builder().arn(out.arn()).assumedRoleId(out.assumedRoleId()).build())
                .packedPolicySize(out.packedPolicySize())
                .provider(out.provider())
                .audience(out.audience())
                .sourceIdentity(out.sourceIdentity())
                .build();
    }
}
