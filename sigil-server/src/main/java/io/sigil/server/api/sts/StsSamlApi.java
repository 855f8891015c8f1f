package io.sigil.server.api.sts;

import io.sigil.iam.sts.AssumeRoleWithSamlService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import io.sigil.server.api.RequestKeys;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * STS AssumeRoleWithSAML (AWS STS API Reference, "AssumeRoleWithSAML"). The call is unsigned: the dispatcher lets it
 * through without SigV4 and the enforcement table authorises nothing; {@link AssumeRoleWithSamlService} verifies the
 * SAML response and evaluates the role's trust policy.
 */
public final class StsSamlApi implements ApiModule {
    private final AssumeRoleWithSamlService saml;

    public StsSamlApi(AssumeRoleWithSamlService saml) {
        this.saml = saml;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(AssumeRoleWithSamlRequest.class, this::assumeRoleWithSaml);
    }

    private AssumeRoleWithSamlResponse assumeRoleWithSaml(AssumeRoleWithSamlRequest r, CallContext call) {
        AssumeRoleWithSamlService.Result out = saml.assume(new AssumeRoleWithSamlService.Request(r.roleArn(),
                r.principalArn(), r.samlAssertion(), r.policy(), StsTokensApi.policyArns(r.policyArns()),
                r.durationSeconds()), RequestKeys.of(call));
        return AssumeRoleWithSamlResponse.builder()
                .credentials(StsTokensApi.credentials(out.credentials()))
                .assumedRoleUser(AssumedRoleUser.builder().arn(out.arn()).assumedRoleId(out.assumedRoleId()).build())
                .packedPolicySize(out.packedPolicySize())
                .subject(out.subject())
                .subjectType(out.subjectType())
                .issuer(out.issuer())
                .audience(out.audience())
                .nameQualifier(out.nameQualifier())
                .sourceIdentity(out.sourceIdentity())
                .build();
    }
}
