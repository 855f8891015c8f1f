package io.sigil.server.api.iam;

import io.sigil.iam.sts.OutboundFederationService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DisableOutboundWebIdentityFederationRequest;
import software.amazon.awssdk.services.iam.model.DisableOutboundWebIdentityFederationResponse;
import software.amazon.awssdk.services.iam.model.EnableOutboundWebIdentityFederationRequest;
import software.amazon.awssdk.services.iam.model.EnableOutboundWebIdentityFederationResponse;
import software.amazon.awssdk.services.iam.model.GetOutboundWebIdentityFederationInfoRequest;
import software.amazon.awssdk.services.iam.model.GetOutboundWebIdentityFederationInfoResponse;

/**
 * EnableOutboundWebIdentityFederation, DisableOutboundWebIdentityFederation and
 * GetOutboundWebIdentityFederationInfo on the wire (IAM API Reference). The account is the caller's.
 */
public final class OutboundFederationApi implements ApiModule {

    private final OutboundFederationService federation;

    public OutboundFederationApi(OutboundFederationService federation) {
        this.federation = Objects.requireNonNull(federation, "federation");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(EnableOutboundWebIdentityFederationRequest.class, this::enable)
                .on(DisableOutboundWebIdentityFederationRequest.class, this::disable)
                .on(GetOutboundWebIdentityFederationInfoRequest.class, this::info);
    }

    EnableOutboundWebIdentityFederationResponse enable(EnableOutboundWebIdentityFederationRequest r,
                                                        CallContext call) {
        return EnableOutboundWebIdentityFederationResponse.builder()
                .issuerIdentifier(federation.enable(call.accountId())).build();
    }

    DisableOutboundWebIdentityFederationResponse disable(DisableOutboundWebIdentityFederationRequest r,
                                                          CallContext call) {
        federation.disable(call.accountId());
        return DisableOutboundWebIdentityFederationResponse.builder().build();
    }

    GetOutboundWebIdentityFederationInfoResponse info(GetOutboundWebIdentityFederationInfoRequest r,
                                                       CallContext call) {
        OutboundFederationService.Info info = federation.info(call.accountId());
        return GetOutboundWebIdentityFederationInfoResponse.builder().issuerIdentifier(info.issuerIdentifier())
                .jwtVendingEnabled(info.enabled()).build();
    }
}
