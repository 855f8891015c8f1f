package io.sigil.server.api.iam;

import io.sigil.iam.service.AccountPropertiesService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.GetAccountPropertiesRequest;
import software.amazon.awssdk.services.iam.model.GetAccountPropertiesResponse;
import software.amazon.awssdk.services.iam.model.PutAccountPropertiesRequest;
import software.amazon.awssdk.services.iam.model.PutAccountPropertiesResponse;

/** GetAccountProperties and PutAccountProperties on the wire (IAM API Reference). The account is the caller's. */
public final class AccountPropertiesApi implements ApiModule {

    private final AccountPropertiesService properties;

    public AccountPropertiesApi(AccountPropertiesService properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GetAccountPropertiesRequest.class, this::get)
                .on(PutAccountPropertiesRequest.class, this::put);
    }

    GetAccountPropertiesResponse get(GetAccountPropertiesRequest r, CallContext call) {
        return GetAccountPropertiesResponse.builder().properties(properties.get(call.accountId())).build();
    }

    PutAccountPropertiesResponse put(PutAccountPropertiesRequest r, CallContext call) {
        properties.put(call.accountId(), r.properties());
        return PutAccountPropertiesResponse.builder().build();
    }
}
