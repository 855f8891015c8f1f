package io.sigil.server.api.iam;

import io.sigil.iam.service.StsPreferencesService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.SetSecurityTokenServicePreferencesRequest;
import software.amazon.awssdk.services.iam.model.SetSecurityTokenServicePreferencesResponse;

/**
 * SetSecurityTokenServicePreferences on the wire (IAM API Reference): GlobalEndpointTokenVersion is required and one
 * of v1Token | v2Token, both checked by the protocol layer as AWS's ValidationError; authorised as
 * iam:SetSecurityTokenServicePreferences on {@code *} (Service Authorization Reference, IAM: no resource type). The
 * answer has no result members.
 */
public final class StsPreferencesApi implements ApiModule {

    private final StsPreferencesService preferences;

    public StsPreferencesApi(StsPreferencesService preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(SetSecurityTokenServicePreferencesRequest.class, this::set);
    }

    SetSecurityTokenServicePreferencesResponse set(SetSecurityTokenServicePreferencesRequest r, CallContext call) {
        preferences.setGlobalEndpointTokenVersion(call.accountId(), r.globalEndpointTokenVersionAsString());
        return SetSecurityTokenServicePreferencesResponse.builder().build();
    }
}
