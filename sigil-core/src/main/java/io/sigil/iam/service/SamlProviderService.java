package io.sigil.iam.service;

import io.sigil.iam.Arns;
import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.SamlPrivateKey;
import io.sigil.iam.model.SamlProvider;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.pki.PkiException;
import io.sigil.iam.pki.PrivateKeys;
import io.sigil.iam.saml.SamlMetadata;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.SamlProviderStore;
import io.sigil.iam.store.Store;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SAML identity providers (IAM API Reference: CreateSAMLProvider, GetSAMLProvider, ListSAMLProviders,
 * UpdateSAMLProvider, DeleteSAMLProvider, TagSAMLProvider, UntagSAMLProvider, ListSAMLProviderTags; IAM User Guide,
 * "Create a SAML identity provider in IAM"; spec §1.6).
 *
 * <p>The metadata document must be SAML 2.0 IdP metadata with a signing certificate ({@link SamlMetadata}). A provider
 * may hold up to {@value Limits#PRIVATE_KEYS_PER_SAML_PROVIDER} private keys ({@code AddPrivateKey}: "The private key
 * generated from your external identity provider ... to decrypt SAML assertions"), sealed by the store; with
 * {@code AssertionEncryptionMode=Required} it must keep at least one. Providers are named by ARN in every operation
 * but CreateSAMLProvider; an ARN of another account or of no provider is NoSuchEntity "Manifest not found for arn
 * ARN", AWS's text.
 */
public final class SamlProviderService {

    public static final String REQUIRED = "Required";
    public static final String ALLOWED = "Allowed";
    /**
     * A provider whose metadata has no {@code validUntil} is valid for a hundred years from its upload, as GetSAMLProvider
     * answers on AWS.
     */
    static final int DEFAULT_VALIDITY_YEARS = 100;

    static final String NO_UPDATES = "Unable to update identity provider. No updates are defined for metadata or "
            + "encryption assertion.";
    static final String ADD_AND_REMOVE = "Unable to add and remove private keys in the same request. Set a value for "
            + "only one of the two parameters.";
    static final String REQUIRED_WITHOUT_KEY = "Unable to set assertion encryption mode to Required because no "
            + "private key is provided.";
    static final String REMOVE_FAILED = "Failed to remove private key.";
    static final String KEY_LIMIT = "Private key limit of 2 is reached.";
    static final String BAD_KEY = "Invalid private key: Key format is not recognized.";

    private final Store store;
    private final Clock clock;
    private final Limits limits;

    public SamlProviderService(Store store, Clock clock, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A CreateSAMLProvider request. @param mode null when not given; @param privateKey null when not given */
    public record Create(String name, String metadataDocument, List<Tag> tags, String mode, String privateKey) {
        public Create {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metadataDocument, "metadataDocument");
            tags = List.copyOf(tags == null ? List.of() : tags);
        }

        @Override
        public String toString() {
            return "Create[" + name + ", privateKey=" + (privateKey == null ? "none" : "HIDDEN") + "]";
        }
    }

    /** An UpdateSAMLProvider request; every member but the ARN may be null. */
    public record Update(String metadataDocument, String mode, String addPrivateKey, String removePrivateKey) {
        @Override
        public String toString() {
            return "Update[mode=" + mode + ", addPrivateKey=" + (addPrivateKey == null ? "none" : "HIDDEN")
                    + ", removePrivateKey=" + removePrivateKey + "]";
        }
    }

    /**
     * CreateSAMLProvider. "If any one of the tags is invalid or if you exceed the allowed maximum number of tags, then
     * the entire request fails and the resource is not created."
     */
    public SamlProvider create(String accountId, Create c) {
        TagRules.requireNoReservedPrefix(c.tags());
        if (c.tags().size() > limits.tagsPerEntity()) {
            throw IamException.quotaExceeded("TagsPerSAMLProvider", limits.tagsPerEntity());
        }
        SamlMetadata metadata = SamlMetadata.parse(c.metadataDocument());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<SamlProviderStore.NewKey> keys = new ArrayList<>();
        if (c.privateKey() != null) {
            keys.add(newKey(c.privateKey(), now));
        }
        if (REQUIRED.equals(c.mode()) && keys.isEmpty()) {
            throw IamException.invalidInput(REQUIRED_WITHOUT_KEY);
        }
        SamlProvider p = new SamlProvider(accountId, c.name(), Ids.samlProviderUuid(), c.metadataDocument(), now,
                validUntil(metadata, now), c.mode(), keys.stream().map(SamlProviderStore.NewKey::key).toList(),
                c.tags(), 0);
        return store.inTransaction(tx -> tx.samlProviders().create(p, keys));
    }

    /** GetSAMLProvider: metadata, dates, encryption mode, key list and tags; never a private key. */
    public SamlProvider get(String accountId, String arn) {
        String name = nameIn(accountId, arn);
        return store.read(tx -> tx.samlProviders().find(accountId, name))
                .orElseThrow(() -> SamlProviderStore.noSuchProvider(arn));
    }

    /** ListSAMLProviders: every provider of the account (the operation has no paging members). */
    public List<SamlProvider> list(String accountId) {
        return store.read(tx -> tx.samlProviders().list(accountId));
    }

    /**
     * UpdateSAMLProvider: a new metadata document, a new encryption mode, one key added or one removed. A request that
     * changes nothing is refused; so are adding and removing at once, a third key, removing a key the provider does
     * not have, and leaving a provider that requires encryption without a key.
     */
    public SamlProvider update(String accountId, String arn, Update u) {
        if (u.metadataDocument() == null && u.mode() == null && u.addPrivateKey() == null
                && u.removePrivateKey() == null) {
            throw IamException.invalidInput(NO_UPDATES);
        }
        if (u.addPrivateKey() != null && u.removePrivateKey() != null) {
            throw IamException.invalidInput(ADD_AND_REMOVE);
        }
        SamlMetadata metadata = u.metadataDocument() == null ? null : SamlMetadata.parse(u.metadataDocument());
        String name = nameIn(accountId, arn);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SamlProviderStore.NewKey added = u.addPrivateKey() == null ? null : newKey(u.addPrivateKey(), now);
        return store.inTransaction(tx -> {
            SamlProvider p = lock(tx.samlProviders(), accountId, name, arn);
            List<SamlPrivateKey> keys = new ArrayList<>(p.privateKeys());
            if (added != null) {
                if (keys.size() >= Limits.PRIVATE_KEYS_PER_SAML_PROVIDER) {
                    throw IamException.limitExceeded(KEY_LIMIT);
                }
                keys.add(added.key());
            }
            if (u.removePrivateKey() != null && !keys.removeIf(k -> k.keyId().equals(u.removePrivateKey()))) {
                throw IamException.invalidInput(REMOVE_FAILED);
            }
            String mode = u.mode() == null ? p.assertionEncryptionMode() : u.mode();
            if (REQUIRED.equals(mode) && keys.isEmpty()) {
                throw IamException.invalidInput(u.removePrivateKey() != null ? REMOVE_FAILED : REQUIRED_WITHOUT_KEY);
            }
            SamlProvider next = metadata == null ? p.updated(p.metadataDocument(), p.validUntil(), mode)
                    : p.updated(u.metadataDocument(), validUntil(metadata, now), mode);
            return tx.samlProviders().update(next, added == null ? List.of() : List.of(added),
                    u.removePrivateKey() == null ? List.of() : List.of(u.removePrivateKey()));
        });
    }

    /** DeleteSAMLProvider. Roles whose trust policies name it keep them; they simply match no one any more. */
    public void delete(String accountId, String arn) {
        String name = nameIn(accountId, arn);
        store.write(tx -> {
            lock(tx.samlProviders(), accountId, name, arn);
            tx.samlProviders().delete(accountId, name);
        });
    }

    /** TagSAMLProvider: "If a tag with the same key name already exists, then that tag is overwritten". */
    public void tag(String accountId, String arn, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        String name = nameIn(accountId, arn);
        store.write(tx -> {
            lock(tx.samlProviders(), accountId, name, arn);
            tx.tags().tag(accountId, TaggableKind.SAML_PROVIDER, name, List.copyOf(tags));
        });
    }

    /** UntagSAMLProvider: keys the provider does not have are ignored. */
    public void untag(String accountId, String arn, List<String> keys) {
        String name = nameIn(accountId, arn);
        store.write(tx -> {
            lock(tx.samlProviders(), accountId, name, arn);
            tx.tags().untag(accountId, TaggableKind.SAML_PROVIDER, name, List.copyOf(keys));
        });
    }

    /** ListSAMLProviderTags: "The returned list of tags is sorted by tag key." */
    public Page<Tag> listTags(String accountId, String arn, PageRequest page) {
        String name = nameIn(accountId, arn);
        return store.read(tx -> {
            if (tx.samlProviders().find(accountId, name).isEmpty()) {
                throw SamlProviderStore.noSuchProvider(arn);
            }
            return tx.tags().list(accountId, TaggableKind.SAML_PROVIDER, name, page);
        });
    }

    /**
     * The provider name an ARN names in this account: {@code arn:aws:iam::ACCOUNT:saml-provider/NAME}. Anything else
     * names no provider of the caller's.
     */
    public static String nameIn(String accountId, String arn) {
        String prefix = "arn:" + Arns.PARTITION + ":iam::" + accountId + ":saml-provider/";
        if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()
                || arn.indexOf('/', prefix.length()) >= 0) {
            throw SamlProviderStore.noSuchProvider(arn);
        }
        return arn.substring(prefix.length());
    }

    private static SamlProvider lock(SamlProviderStore providers, String accountId, String name, String arn) {
        if (providers.find(accountId, name).isEmpty()) {
            throw SamlProviderStore.noSuchProvider(arn);
        }
        return providers.lock(accountId, name);
    }

    /**
     * An RSA private key in PEM: assertions are encrypted to it with RSA-OAEP key transport (SAML 2.0 Core §6.2; XML
     * Encryption). Anything else is AWS's "Invalid private key" text.
     */
    private static SamlProviderStore.NewKey newKey(String pem, Instant now) {
        PrivateKey key;
        try {
            key = PrivateKeys.parse(pem);
        } catch (PkiException e) {
            throw IamException.invalidInput(BAD_KEY);
        }
        if (!(key instanceof RSAPrivateKey)) {
            throw IamException.invalidInput(BAD_KEY);
        }
        return new SamlProviderStore.NewKey(new SamlPrivateKey(Ids.samlPrivateKeyId(), now), pem);
    }

    private static Instant validUntil(SamlMetadata metadata, Instant now) {
        return metadata.validUntil().orElseGet(() -> now.atOffset(ZoneOffset.UTC).plusYears(DEFAULT_VALIDITY_YEARS)
                .toInstant());
    }
}
