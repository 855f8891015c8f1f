package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.ServerCertificate;
import java.util.Optional;

/**
 * Server certificates of an account (IAM API Reference: UploadServerCertificate and the other server certificate
 * operations). Names are unique per account case-insensitively. Private keys are sealed with AES-256-GCM before they
 * reach the database, bound to the certificate's account and id.
 */
public interface ServerCertificateStore {

    /**
     * Stores a new certificate, its tags and its sealed private key.
     *
     * @throws IamException EntityAlreadyExists for a taken name; LimitExceeded past
     *     {@link io.sigil.iam.Limits#SERVER_CERTIFICATES_PER_ACCOUNT} or the tag quota; InvalidInput for duplicate
     *     tag keys
     */
    ServerCertificate create(ServerCertificate cert, String privateKeyPem);

    /** By name in any case, with its tags. */
    Optional<ServerCertificate> find(String accountId, String name);

    default ServerCertificate get(String accountId, String name) {
        return find(accountId, name).orElseThrow(() -> noSuchCertificate(name));
    }

    /** The certificate, its row locked for the rest of the transaction. @throws IamException NoSuchEntity */
    ServerCertificate lock(String accountId, String name);

    /** ListServerCertificates: those whose path starts with the prefix, ordered by name; tags are not listed. */
    Page<ServerCertificate> list(String accountId, PageRequest page);

    /**
     * UpdateServerCertificate: writes the new name and path of a locked certificate.
     *
     * @throws IamException EntityAlreadyExists when the new name is taken; ConcurrentModification on a lost race
     */
    ServerCertificate update(ServerCertificate renamed);

    /** @throws IamException NoSuchEntity */
    void delete(String accountId, String name);

    /** The private key in clear, for a service that terminates TLS with the certificate; never for an API answer. */
    String openPrivateKey(String accountId, String name);

    static IamException noSuchCertificate(String name) {
        return IamException.noSuchEntity("The Server Certificate with name " + name + " cannot be found.");
    }

    static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("The Server Certificate with name " + name + " already exists.");
    }
}
