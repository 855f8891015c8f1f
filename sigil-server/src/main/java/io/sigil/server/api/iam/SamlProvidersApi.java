package io.sigil.server.api.iam;

import io.sigil.iam.model.SamlProvider;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.SamlProviderService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersResponse;
import software.amazon.awssdk.services.iam.model.SAMLPrivateKey;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.TagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.TagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderResponse;

/**
 * The SAML provider operations on the wire (IAM API Reference; the rules are {@link SamlProviderService}'s).
 * CreateSAMLProvider answers the ARN and the tags it was given; GetSAMLProvider the UUID, metadata, dates, tags, and
 * the encryption mode and key list when the provider has them; ListSAMLProviders "the ARN, the expiration date and
 * the creation date" of each. No answer carries a private key.
 */
public final class SamlProvidersApi implements ApiModule {

    private final SamlProviderService providers;

    public SamlProvidersApi(SamlProviderService providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateSamlProviderRequest.class, this::create)
                .on(GetSamlProviderRequest.class, this::get)
                .on(ListSamlProvidersRequest.class, this::list)
                .on(UpdateSamlProviderRequest.class, this::update)
                .on(DeleteSamlProviderRequest.class, this::delete)
                .on(TagSamlProviderRequest.class, this::tag)
                .on(UntagSamlProviderRequest.class, this::untag)
                .on(ListSamlProviderTagsRequest.class, this::listTags);
    }

    CreateSamlProviderResponse create(CreateSamlProviderRequest r, CallContext call) {
        SamlProvider p = providers.create(call.accountId(), new SamlProviderService.Create(r.name(),
                r.samlMetadataDocument(), IamModelMapper.fromSdkTags(r.tags()), r.assertionEncryptionModeAsString(),
                r.addPrivateKey()));
        CreateSamlProviderResponse.Builder b = CreateSamlProviderResponse.builder().samlProviderArn(p.arn());
        if (!p.tags().isEmpty()) {
            b.tags(IamModelMapper.tags(p.tags()));
        }
        return b.build();
    }

    /**
     * As AWS answered it in LocalStack's AWS-validated snapshots (2026): a provider whose encryption mode was never
     * set is {@code Allowed}, and the answer always carries PrivateKeyList and Tags, empty when there are none.
     */
    GetSamlProviderResponse get(GetSamlProviderRequest r, CallContext call) {
        SamlProvider p = providers.get(call.accountId(), r.samlProviderArn());
        return GetSamlProviderResponse.builder()
                .samlProviderUUID(p.uuid())
                .samlMetadataDocument(p.metadataDocument())
                .createDate(p.createDate())
                .validUntil(p.validUntil())
                .tags(IamModelMapper.tags(p.tags()))
                .assertionEncryptionMode(p.assertionEncryptionMode() == null ? SamlProviderService.ALLOWED
                        : p.assertionEncryptionMode())
                .privateKeyList(p.privateKeys().stream()
                        .map(k -> SAMLPrivateKey.builder().keyId(k.keyId()).timestamp(k.timestamp()).build()).toList())
                .build();
    }

    ListSamlProvidersResponse list(ListSamlProvidersRequest r, CallContext call) {
        return ListSamlProvidersResponse.builder()
                .samlProviderList(providers.list(call.accountId()).stream()
                        .map(p -> SAMLProviderListEntry.builder().arn(p.arn()).validUntil(p.validUntil())
                                .createDate(p.createDate()).build())
                        .toList())
                .build();
    }

    UpdateSamlProviderResponse update(UpdateSamlProviderRequest r, CallContext call) {
        SamlProvider p = providers.update(call.accountId(), r.samlProviderArn(), new SamlProviderService.Update(
                r.samlMetadataDocument(), r.assertionEncryptionModeAsString(), r.addPrivateKey(),
                r.removePrivateKey()));
        return UpdateSamlProviderResponse.builder().samlProviderArn(p.arn()).build();
    }

    DeleteSamlProviderResponse delete(DeleteSamlProviderRequest r, CallContext call) {
        providers.delete(call.accountId(), r.samlProviderArn());
        return DeleteSamlProviderResponse.builder().build();
    }

    TagSamlProviderResponse tag(TagSamlProviderRequest r, CallContext call) {
        providers.tag(call.accountId(), r.samlProviderArn(), IamModelMapper.fromSdkTags(r.tags()));
        return TagSamlProviderResponse.builder().build();
    }

    UntagSamlProviderResponse untag(UntagSamlProviderRequest r, CallContext call) {
        providers.untag(call.accountId(), r.samlProviderArn(), r.tagKeys());
        return UntagSamlProviderResponse.builder().build();
    }

    /** "If no tags are attached to the specified resource, the response contains an empty list." */
    ListSamlProviderTagsResponse listTags(ListSamlProviderTagsRequest r, CallContext call) {
        Page<Tag> page = providers.listTags(call.accountId(), r.samlProviderArn(),
                IamModelMapper.page(null, r.marker(), r.maxItems()));
        return ListSamlProviderTagsResponse.builder().tags(IamModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }
}
