package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.SamlPrivateKey;
import io.sigil.iam.model.SamlProvider;
import java.util.List;
import java.util.Optional;

/**
 * SAML identity providers of an account (IAM API Reference: CreateSAMLProvider and the other SAML provider
 * operations). Names are unique per account case-insensitively. Private keys are sealed with AES-256-GCM before they
 * reach the database, bound to the provider's account, uuid and key id.
 */
public interface SamlProviderStore {

    /** A private key to store: its public metadata and the PEM, which only the store sees in clear. */
    record NewKey(SamlPrivateKey key, String pem) {
        @Override
        public String toString() {
            return "NewKey[" + key.keyId() + ", pem=HIDDEN]";
        }
    }

    /**
     * Stores a new provider with its tags and sealed private keys.
     *
     * @throws IamException EntityAlreadyExists for a taken name; LimitExceeded past
     *     {@link io.sigil.iam.Limits#SAML_PROVIDERS_PER_ACCOUNT} or the tag quota; InvalidInput for duplicate tag keys
     */
    SamlProvider create(SamlProvider provider, List<NewKey> keys);

    /** By name in any case, with its key list and tags. */
    Optional<SamlProvider> find(String accountId, String name);

    /** The provider, its row locked for the rest of the transaction. @throws IamException NoSuchEntity */
    SamlProvider lock(String accountId, String name);

    /** ListSAMLProviders: every provider of the account, ordered by name; no tags, no keys. */
    List<SamlProvider> list(String accountId);

    /**
     * UpdateSAMLProvider: writes the metadata, validity and encryption mode of a locked provider, adds the new keys
     * and removes the keys named.
     *
     * @throws IamException ConcurrentModification on a lost race
     */
    SamlProvider update(SamlProvider updated, List<NewKey> added, List<String> removedKeyIds);

    /** @throws IamException NoSuchEntity */
    void delete(String accountId, String name);

    /** The private keys in clear (PEM), for decrypting an assertion; never for an API answer. */
    List<String> openPrivateKeys(String accountId, String name);

    /** AWS's text for a provider that is not there: "Manifest not found for arn ARN". */
    static IamException noSuchProvider(String arn) {
        return IamException.noSuchEntity("Manifest not found for arn " + arn);
    }

    static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("SAMLProvider named " + name + " already exists");
    }
}
