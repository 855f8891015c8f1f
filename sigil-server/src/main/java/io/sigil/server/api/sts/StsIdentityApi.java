package io.sigil.server.api.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS GetCallerIdentity (AWS STS API Reference, "GetCallerIdentity"): "Returns details about the IAM user or role
 * whose credentials are used to call the operation." {@code Account} is the caller's account, {@code Arn} its ARN
 * ({@code arn:aws:iam::ACCOUNT:root} for the root user), {@code UserId} the unique id: the account id for the root
 * user, {@code AIDA...} for an IAM user (IAM User Guide, "Request information that you can use in policy variables",
 * {@code aws:userid}); for temporary credentials the session's: {@code ACCOUNT:NAME} and
 * {@code arn:aws:sts::ACCOUNT:federated-user/NAME} for a federated user, {@code ROLEID:SESSION} and the assumed-role
 * ARN for a role session, the user itself for a GetSessionToken session. "No permissions are required to perform this operation": the enforcement table lists it as
 * needing none.
 */
public final class StsIdentityApi implements ApiModule {

    @Override
    public void register(Handlers handlers) {
        handlers.on(GetCallerIdentityRequest.class, StsIdentityApi::getCallerIdentity);
    }

    static GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request, CallContext call) {
        Principal p = call.principal();
        return GetCallerIdentityResponse.builder()
                .account(p.accountId())
                .arn(p.arn())
                .userId(p.userId())
                .build();
    }
}
