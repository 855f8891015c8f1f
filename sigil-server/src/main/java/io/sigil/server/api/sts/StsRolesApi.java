package io.sigil.server.api.sts;

import io.sigil.iam.sts.AssumeRoleService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import io.sigil.server.api.RequestKeys;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * STS AssumeRole (AWS STS API Reference, "AssumeRole"). The enforcement table lists it as authorised here: the
 * service evaluates sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity with the role's trust policy as the
 * resource-based policy, which the table's generic path cannot supply. The enforcement mode relaxes only the
 * caller's own policies; the trust policy is part of the credential exchange and always decides.
 */
public final class StsRolesApi implements ApiModule {
    private final AssumeRoleService roles;

    public StsRolesApi(AssumeRoleService roles) {
        this.roles = roles;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(AssumeRoleRequest.class, this::assumeRole);
    }

    private AssumeRoleResponse assumeRole(AssumeRoleRequest r, CallContext call) {
        AssumeRoleService.Result out = roles.assumeRole(call.principal(), new AssumeRoleService.Request(r.roleArn(),
                r.roleSessionName(), r.durationSeconds(), r.policy(), StsTokensApi.policyArns(r.policyArns()),
                StsTokensApi.tags(r.tags()), r.transitiveTagKeys(), r.externalId(), r.serialNumber(), r.tokenCode(),
                r.sourceIdentity()), RequestKeys.of(call), call.callerPolicies());
        return AssumeRoleResponse.builder()
                .credentials(StsTokensApi.credentials(out.credentials()))
                .assumedRoleUser(AssumedRoleUser.builder().arn(out.arn()).assumedRoleId(out.assumedRoleId()).build())
                .packedPolicySize(out.packedPolicySize())
                .sourceIdentity(out.sourceIdentity())
                .build();
    }
}
