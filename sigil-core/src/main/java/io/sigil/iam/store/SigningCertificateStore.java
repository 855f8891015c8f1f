package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.SigningCertificate;
import java.util.Optional;

/** X.509 signing certificates of IAM users and of the root user (IAM API Reference: UploadSigningCertificate, ...). */
public interface SigningCertificateStore {

    /**
     * Stores a new certificate under a lock on its owner (the user row, or the account row for the root user).
     *
     * @param sha256 the DER's SHA-256 in hex: one certificate is held once per account
     * @throws IamException NoSuchEntity for an unknown user; DuplicateCertificate when the account already holds
     *     this certificate; LimitExceeded past {@link io.sigil.iam.Limits#SIGNING_CERTIFICATES_PER_USER}
     */
    SigningCertificate create(SigningCertificate cert, String sha256);

    Optional<SigningCertificate> find(String accountId, String certificateId);

    /** A user's certificates ({@code userId} null: the root user's), ordered by certificate id. */
    Page<SigningCertificate> list(String accountId, String userId, PageRequest page);

    /** @throws IamException NoSuchEntity if the certificate is not in the account */
    SigningCertificate updateStatus(String accountId, String certificateId, AccessKeyStatus status);

    /** @throws IamException NoSuchEntity if the certificate is not in the account */
    void delete(String accountId, String certificateId);

    static IamException noSuchCertificate(String certificateId) {
        return IamException.noSuchEntity("The Certificate with id " + certificateId + " cannot be found.");
    }
}
