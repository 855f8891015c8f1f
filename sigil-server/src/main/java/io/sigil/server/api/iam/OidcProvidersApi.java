package io.sigil.server.api.iam;

import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.OidcProviderService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintRequest;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintResponse;

/**
 * The OpenID Connect provider operations on the wire (IAM API Reference; the rules are {@link OidcProviderService}'s).
 * GetOpenIDConnectProvider answers {@code Url} without its scheme ("server.example.com"), as IAM does, and its
 * tags; CreateOpenIDConnectProvider answers the ARN, and the tags when there are some. ListOpenIDConnectProviders
 * lists ARNs only and has no paging.
 */
public final class OidcProvidersApi implements ApiModule {

    private final OidcProviderService providers;

    public OidcProvidersApi(OidcProviderService providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateOpenIdConnectProviderRequest.class, this::create)
                .on(GetOpenIdConnectProviderRequest.class, this::get)
                .on(ListOpenIdConnectProvidersRequest.class, this::list)
                .on(DeleteOpenIdConnectProviderRequest.class, this::delete)
                .on(AddClientIdToOpenIdConnectProviderRequest.class, this::addClientId)
                .on(RemoveClientIdFromOpenIdConnectProviderRequest.class, this::removeClientId)
                .on(UpdateOpenIdConnectProviderThumbprintRequest.class, this::updateThumbprint)
                .on(TagOpenIdConnectProviderRequest.class, this::tag)
                .on(UntagOpenIdConnectProviderRequest.class, this::untag)
                .on(ListOpenIdConnectProviderTagsRequest.class, this::listTags);
    }

    CreateOpenIdConnectProviderResponse create(CreateOpenIdConnectProviderRequest r, CallContext call) {
        OidcProvider p = providers.create(call.accountId(), r.url(), r.clientIDList(), r.thumbprintList(),
                IamModelMapper.fromSdkTags(r.tags()));
        CreateOpenIdConnectProviderResponse.Builder b = CreateOpenIdConnectProviderResponse.builder()
                .openIDConnectProviderArn(p.arn());
        if (!p.tags().isEmpty()) {
            b.tags(IamModelMapper.tags(p.tags()));
        }
        return b.build();
    }

    GetOpenIdConnectProviderResponse get(GetOpenIdConnectProviderRequest r, CallContext call) {
        OidcProvider p = providers.get(call.accountId(), r.openIDConnectProviderArn());
        return GetOpenIdConnectProviderResponse.builder()
                .url(p.resourceName())
                .clientIDList(p.clientIds())
                .thumbprintList(p.thumbprints())
                .createDate(p.createDate())
                .tags(IamModelMapper.tags(p.tags()))
                .build();
    }

    ListOpenIdConnectProvidersResponse list(ListOpenIdConnectProvidersRequest r, CallContext call) {
        return ListOpenIdConnectProvidersResponse.builder()
                .openIDConnectProviderList(providers.list(call.accountId()).stream()
                        .map(p -> OpenIDConnectProviderListEntry.builder().arn(p.arn()).build()).toList())
                .build();
    }

    DeleteOpenIdConnectProviderResponse delete(DeleteOpenIdConnectProviderRequest r, CallContext call) {
        providers.delete(call.accountId(), r.openIDConnectProviderArn());
        return DeleteOpenIdConnectProviderResponse.builder().build();
    }

    AddClientIdToOpenIdConnectProviderResponse addClientId(AddClientIdToOpenIdConnectProviderRequest r,
                                                           CallContext call) {
        providers.addClientId(call.accountId(), r.openIDConnectProviderArn(), r.clientID());
        return AddClientIdToOpenIdConnectProviderResponse.builder().build();
    }

    RemoveClientIdFromOpenIdConnectProviderResponse removeClientId(RemoveClientIdFromOpenIdConnectProviderRequest r,
                                                                   CallContext call) {
        providers.removeClientId(call.accountId(), r.openIDConnectProviderArn(), r.clientID());
        return RemoveClientIdFromOpenIdConnectProviderResponse.builder().build();
    }

    UpdateOpenIdConnectProviderThumbprintResponse updateThumbprint(UpdateOpenIdConnectProviderThumbprintRequest r,
                                                                   CallContext call) {
        providers.updateThumbprints(call.accountId(), r.openIDConnectProviderArn(), r.thumbprintList());
        return UpdateOpenIdConnectProviderThumbprintResponse.builder().build();
    }

    TagOpenIdConnectProviderResponse tag(TagOpenIdConnectProviderRequest r, CallContext call) {
        providers.tag(call.accountId(), r.openIDConnectProviderArn(), IamModelMapper.fromSdkTags(r.tags()));
        return TagOpenIdConnectProviderResponse.builder().build();
    }

    UntagOpenIdConnectProviderResponse untag(UntagOpenIdConnectProviderRequest r, CallContext call) {
        providers.untag(call.accountId(), r.openIDConnectProviderArn(), r.tagKeys());
        return UntagOpenIdConnectProviderResponse.builder().build();
    }

    /** "If no tags are attached to the specified resource, the response contains an empty list." */
    ListOpenIdConnectProviderTagsResponse listTags(ListOpenIdConnectProviderTagsRequest r, CallContext call) {
        Page<Tag> page = providers.listTags(call.accountId(), r.openIDConnectProviderArn(),
                IamModelMapper.page(null, r.marker(), r.maxItems()));
        return ListOpenIdConnectProviderTagsResponse.builder().tags(IamModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }
}
