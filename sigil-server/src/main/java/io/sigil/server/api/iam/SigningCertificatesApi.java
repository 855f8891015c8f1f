package io.sigil.server.api.iam;

import io.sigil.iam.service.SigningCertificateService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DeleteSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.DeleteSigningCertificateResponse;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesRequest;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesResponse;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.UpdateSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.UpdateSigningCertificateResponse;
import software.amazon.awssdk.services.iam.model.UploadSigningCertificateRequest;
import software.amazon.awssdk.services.iam.model.UploadSigningCertificateResponse;

/**
 * UploadSigningCertificate, ListSigningCertificates, UpdateSigningCertificate and DeleteSigningCertificate on the
 * wire (IAM API Reference; the rules are {@link SigningCertificateService}'s). Certificates of the root user carry no
 * {@code UserName}, as the root user is not an IAM user.
 */
public final class SigningCertificatesApi implements ApiModule {

    private final SigningCertificateService certificates;

    public SigningCertificatesApi(SigningCertificateService certificates) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UploadSigningCertificateRequest.class, this::upload)
                .on(ListSigningCertificatesRequest.class, this::list)
                .on(UpdateSigningCertificateRequest.class, this::update)
                .on(DeleteSigningCertificateRequest.class, this::delete);
    }

    UploadSigningCertificateResponse upload(UploadSigningCertificateRequest r, CallContext call) {
        return UploadSigningCertificateResponse.builder()
                .certificate(wire(certificates.upload(call.principal(), r.userName(), r.certificateBody())))
                .build();
    }

    ListSigningCertificatesResponse list(ListSigningCertificatesRequest r, CallContext call) {
        Page<io.sigil.iam.model.SigningCertificate> page = certificates.list(call.principal(), r.userName(),
                Paging.of(r.marker(), r.maxItems()));
        return ListSigningCertificatesResponse.builder()
                .certificates(page.items().stream().map(SigningCertificatesApi::wire).toList())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    UpdateSigningCertificateResponse update(UpdateSigningCertificateRequest r, CallContext call) {
        certificates.updateStatus(call.principal(), r.userName(), r.certificateId(),
                CredentialStatus.settable(r.statusAsString()));
        return UpdateSigningCertificateResponse.builder().build();
    }

    DeleteSigningCertificateResponse delete(DeleteSigningCertificateRequest r, CallContext call) {
        certificates.delete(call.principal(), r.userName(), r.certificateId());
        return DeleteSigningCertificateResponse.builder().build();
    }

    private static SigningCertificate wire(io.sigil.iam.model.SigningCertificate c) {
        return SigningCertificate.builder()
                .userName(c.userName())
                .certificateId(c.id())
                .certificateBody(c.body())
                .status(c.status().wire())
                .uploadDate(c.uploadDate())
                .build();
    }
}
