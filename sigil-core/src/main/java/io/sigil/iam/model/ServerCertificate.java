package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A server certificate of the account (API Reference, "ServerCertificate", "ServerCertificateMetadata"; spec §1.9).
 * The private key is not part of this record: the store keeps it sealed and nothing returns it ("The private key is
 * never retrievable").
 *
 * @param id {@code ASCA…}
 * @param chain the PEM chain as uploaded, or null
 * @param expiration the certificate's NotAfter
 * @param tags in key order
 * @param version optimistic-lock version of the row
 */
public record ServerCertificate(
        String accountId,
        String name,
        String path,
        String id,
        String body,
        String chain,
        Instant uploadDate,
        Instant expiration,
        List<Tag> tags,
        long version) {

    public ServerCertificate {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(uploadDate, "uploadDate");
        Objects.requireNonNull(expiration, "expiration");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** {@code arn:aws:iam::ACCOUNT:server-certificate/PATH/NAME}. */
    public String arn() {
        return Arns.serverCertificate(accountId, path, name);
    }

    /** UpdateServerCertificate: a new name and/or path, same id, body, key and tags. */
    public ServerCertificate renamed(String newName, String newPath) {
        return new ServerCertificate(accountId, newName, newPath, id, body, chain, uploadDate, expiration, tags,
                version);
    }

    public ServerCertificate withTags(List<Tag> newTags) {
        return new ServerCertificate(accountId, name, path, id, body, chain, uploadDate, expiration, newTags,
                version);
    }
}
