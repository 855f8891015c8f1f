package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM SAML identity provider (IAM API Reference, "CreateSAMLProvider", "GetSAMLProvider"; spec §1.6): a name, the
 * IdP's SAML 2.0 metadata document as uploaded, and the private keys that decrypt encrypted assertions. The keys
 * themselves are not part of this record: the store keeps them sealed and no answer carries them, only their ids
 * and upload times ({@code PrivateKeyList}).
 *
 * @param uuid                    {@code SAMLProviderUUID}
 * @param validUntil              the metadata's {@code validUntil}, or a hundred years after the upload without one
 * @param assertionEncryptionMode {@code Allowed} or {@code Required}, or null when never set
 * @param privateKeys             in upload order
 * @param tags                    in key order
 * @param version                 optimistic-lock version of the row
 */
public record SamlProvider(
        String accountId,
        String name,
        String uuid,
        String metadataDocument,
        Instant createDate,
        Instant validUntil,
        String assertionEncryptionMode,
        List<SamlPrivateKey> privateKeys,
        List<Tag> tags,
        long version) {

    public SamlProvider {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(metadataDocument, "metadataDocument");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(validUntil, "validUntil");
        privateKeys = List.copyOf(privateKeys == null ? List.of() : privateKeys);
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** {@code arn:aws:iam::ACCOUNT:saml-provider/NAME} (IAM User Guide, "IAM ARNs"). */
    public String arn() {
        return Arns.samlProvider(accountId, name);
    }

    /** UpdateSAMLProvider: a new metadata document and encryption mode, same name, uuid, keys and tags. */
    public SamlProvider updated(String newDocument, Instant newValidUntil, String newMode) {
        return new SamlProvider(accountId, name, uuid, newDocument, createDate, newValidUntil, newMode, privateKeys,
                tags, version);
    }

    public SamlProvider withKeysAndTags(List<SamlPrivateKey> keys, List<Tag> newTags) {
        return new SamlProvider(accountId, name, uuid, metadataDocument, createDate, validUntil,
                assertionEncryptionMode, keys, newTags, version);
    }
}
