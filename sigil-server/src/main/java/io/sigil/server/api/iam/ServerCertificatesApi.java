package io.sigil.server.api.iam;

import io.sigil.iam.model.ServerCertificate;
import io.sigil.iam.model.Tag;
import io.sigil.iam.service.ServerCertificateService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DeleteServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.DeleteServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.GetServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.GetServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.ListServerCertificateTagsRequest;
import software.amazon.awssdk.services.iam.model.ListServerCertificateTagsResponse;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesRequest;
import software.amazon.awssdk.services.iam.model.ListServerCertificatesResponse;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.TagServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.TagServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UntagServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UntagServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UpdateServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UpdateServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateResponse;

/**
 * The server certificate operations on the wire (IAM API Reference; the rules are
 * {@link ServerCertificateService}'s). No answer carries the private key. UploadServerCertificate answers "the meta
 * information of the uploaded server certificate without its certificate body, certificate chain, and private key",
 * and its tags only when there are some; GetServerCertificate always answers {@code Tags}, empty when there are none
 * (as AWS answers, in LocalStack's AWS-validated snapshot tests/aws/services/iam/test_iam_server_certificates).
 * ListServerCertificates "does not return tags".
 */
public final class ServerCertificatesApi implements ApiModule {

    private final ServerCertificateService certificates;

    public ServerCertificatesApi(ServerCertificateService certificates) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UploadServerCertificateRequest.class, this::upload)
                .on(GetServerCertificateRequest.class, this::get)
                .on(ListServerCertificatesRequest.class, this::list)
                .on(UpdateServerCertificateRequest.class, this::update)
                .on(DeleteServerCertificateRequest.class, this::delete)
                .on(TagServerCertificateRequest.class, this::tag)
                .on(UntagServerCertificateRequest.class, this::untag)
                .on(ListServerCertificateTagsRequest.class, this::listTags);
    }

    UploadServerCertificateResponse upload(UploadServerCertificateRequest r, CallContext call) {
        ServerCertificate c = certificates.upload(call.accountId(), new ServerCertificateService.Upload(
                r.serverCertificateName(), r.path(), r.certificateBody(), r.privateKey(), r.certificateChain(),
                IamModelMapper.fromSdkTags(r.tags())));
        UploadServerCertificateResponse.Builder b = UploadServerCertificateResponse.builder().serverCertificateMetadata(
                metadata(c));
        if (!c.tags().isEmpty()) {
            b.tags(IamModelMapper.tags(c.tags()));
        }
        return b.build();
    }

    GetServerCertificateResponse get(GetServerCertificateRequest r, CallContext call) {
        ServerCertificate c = certificates.get(call.accountId(), r.serverCertificateName());
        return GetServerCertificateResponse.builder()
                .serverCertificate(s -> s.serverCertificateMetadata(metadata(c))
                        .certificateBody(c.body())
                        .certificateChain(c.chain())
                        .tags(IamModelMapper.tags(c.tags())))
                .build();
    }

    ListServerCertificatesResponse list(ListServerCertificatesRequest r, CallContext call) {
        Page<ServerCertificate> page = certificates.list(call.accountId(),
                IamModelMapper.page(r.pathPrefix(), r.marker(), r.maxItems()));
        return ListServerCertificatesResponse.builder()
                .serverCertificateMetadataList(page.items().stream().map(ServerCertificatesApi::metadata).toList())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    UpdateServerCertificateResponse update(UpdateServerCertificateRequest r, CallContext call) {
        certificates.update(call.accountId(), r.serverCertificateName(), r.newServerCertificateName(), r.newPath());
        return UpdateServerCertificateResponse.builder().build();
    }

    DeleteServerCertificateResponse delete(DeleteServerCertificateRequest r, CallContext call) {
        certificates.delete(call.accountId(), r.serverCertificateName());
        return DeleteServerCertificateResponse.builder().build();
    }

    TagServerCertificateResponse tag(TagServerCertificateRequest r, CallContext call) {
        certificates.tag(call.accountId(), r.serverCertificateName(), IamModelMapper.fromSdkTags(r.tags()));
        return TagServerCertificateResponse.builder().build();
    }

    UntagServerCertificateResponse untag(UntagServerCertificateRequest r, CallContext call) {
        certificates.untag(call.accountId(), r.serverCertificateName(), r.tagKeys());
        return UntagServerCertificateResponse.builder().build();
    }

    /** "If no tags are attached to the specified resource, the response contains an empty list." */
    ListServerCertificateTagsResponse listTags(ListServerCertificateTagsRequest r, CallContext call) {
        Page<Tag> page = certificates.listTags(call.accountId(), r.serverCertificateName(),
                IamModelMapper.page(null, r.marker(), r.maxItems()));
        return ListServerCertificateTagsResponse.builder().tags(IamModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    private static ServerCertificateMetadata metadata(ServerCertificate c) {
        return ServerCertificateMetadata.builder()
                .path(c.path())
                .serverCertificateName(c.name())
                .serverCertificateId(c.id())
                .arn(c.arn())
                .uploadDate(c.uploadDate())
                .expiration(c.expiration())
                .build();
    }
}
