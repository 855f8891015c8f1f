package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.SigningCertificate;
import io.sigil.iam.pki.Certificates;
import io.sigil.iam.pki.PkiException;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.SigningCertificateStore;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * X.509 signing certificates of IAM users and of the root user (IAM API Reference: UploadSigningCertificate,
 * ListSigningCertificates, UpdateSigningCertificate, DeleteSigningCertificate; spec §1.8, §10 H77).
 *
 * <p>"When you upload the certificate, its default status is Active." A user (or the root user) holds at most two;
 * one certificate is held at most once per account ("DuplicateCertificate: The request was rejected because the same
 * certificate is associated with an IAM user in the account"). A certificate id of another owner is answered as not
 * found ("The Certificate with id X cannot be found.").
 */
public final class SigningCertificateService {

    private final Store store;
    private final Clock clock;

    public SigningCertificateService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * UploadSigningCertificate.
     *
     * @param userName the owner, or null for the caller
     * @throws IamException NoSuchEntity for an unknown user; MalformedCertificate for a body that is not one PEM
     *     X.509 certificate, or one outside its validity period; DuplicateCertificate; LimitExceeded "Cannot exceed
     *     quota for CertificatesPerUser: 2"
     */
    public SigningCertificate upload(Principal caller, String userName, String body) {
        CredentialOwner owner = store.read(tx -> CredentialOwner.resolve(tx, caller, userName));
        Instant now = clock.instant();
        X509Certificate cert = parse(body, now);
        SigningCertificate record = new SigningCertificate(caller.accountId(), Ids.signingCertificateId(),
                owner.userId(), owner.userName(), body, AccessKeyStatus.ACTIVE, now.truncatedTo(ChronoUnit.SECONDS));
        return store.inTransaction(tx -> tx.signingCertificates().create(record, Certificates.sha256(cert)));
    }

    /** ListSigningCertificates: "If none exists, the operation returns an empty list." */
    public Page<SigningCertificate> list(Principal caller, String userName, PageRequest page) {
        return store.read(tx -> tx.signingCertificates().list(caller.accountId(),
                CredentialOwner.resolve(tx, caller, userName).userId(), page));
    }

    /** UpdateSigningCertificate: "Active means that the certificate can be used for programmatic calls to AWS". */
    public SigningCertificate updateStatus(Principal caller, String userName, String certificateId,
            AccessKeyStatus status) {
        Objects.requireNonNull(status, "status");
        return store.inTransaction(tx -> {
            owned(tx, caller, userName, certificateId);
            return tx.signingCertificates().updateStatus(caller.accountId(), certificateId, status);
        });
    }

    /** DeleteSigningCertificate. */
    public void delete(Principal caller, String userName, String certificateId) {
        store.write(tx -> {
            owned(tx, caller, userName, certificateId);
            tx.signingCertificates().delete(caller.accountId(), certificateId);
        });
    }

    private static SigningCertificate owned(Tx tx, Principal caller, String userName, String certificateId) {
        CredentialOwner owner = CredentialOwner.resolve(tx, caller, userName);
        return tx.signingCertificates().find(caller.accountId(), certificateId)
                .filter(c -> Objects.equals(c.userId(), owner.userId()))
                .orElseThrow(() -> SigningCertificateStore.noSuchCertificate(certificateId));
    }

    /**
     * The body as one certificate valid now. A body that does not parse is answered as AWS answers it: "Certificate
     * {body} is malformed." (recorded from AWS in LocalStack's validated snapshot
     * tests/aws/services/iam/test_iam_signing_certificates.snapshot.json). MalformedCertificate is also AWS's code
     * for an expired certificate ("malformed or expired", API Reference); its expired text is the one IAM gives for
     * server certificates, and the not-yet-valid text is ours.
     */
    static X509Certificate parse(String body, Instant now) {
        X509Certificate cert;
        try {
            cert = Certificates.parseOne(body);
        } catch (PkiException e) {
            throw new IamException(ErrorCode.MALFORMED_CERTIFICATE, "Certificate " + body + " is malformed.");
        }
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new IamException(ErrorCode.MALFORMED_CERTIFICATE, ServerCertificateChecks.EXPIRED);
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new IamException(ErrorCode.MALFORMED_CERTIFICATE, "Certificate is not yet valid. The 'Not Before' "
                    + "date restriction on the certificate has not been met.");
        }
        return cert;
    }
}
