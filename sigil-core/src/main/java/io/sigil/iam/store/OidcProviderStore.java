package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.OidcProvider;
import java.util.List;
import java.util.Optional;

/**
 * OpenID Connect providers of an account (IAM API Reference, the OpenIDConnectProvider operations). A provider is
 * named by its {@link OidcProvider#resourceName() resource name}, the URL without its scheme, unique per account as
 * given ("You cannot register the same provider multiple times in a single AWS account"; the URL is
 * case-sensitive, spec §1.8).
 */
public interface OidcProviderStore {

    /** Quota "OpenIdConnectProvidersPerAccount" (IAM User Guide, "IAM and AWS STS quotas"). */
    int PROVIDERS_PER_ACCOUNT = 100;

    /**
     * Stores a new provider with its client ids, thumbprints and tags.
     *
     * @throws IamException EntityAlreadyExists for a registered URL; LimitExceeded past
     *     {@link #PROVIDERS_PER_ACCOUNT} or the tag quota; InvalidInput for duplicate tag keys
     */
    OidcProvider create(OidcProvider provider);

    /** By resource name, exactly as registered, with its lists and tags. */
    Optional<OidcProvider> find(String accountId, String resourceName);

    default OidcProvider get(String accountId, String resourceName) {
        return find(accountId, resourceName).orElseThrow(() -> notFound(OidcProvider.arn(accountId, resourceName)));
    }

    /** The provider, its row locked for the rest of the transaction. @throws IamException NoSuchEntity */
    OidcProvider lock(String accountId, String resourceName);

    /** ListOpenIDConnectProviders: every provider of the account, by resource name; no tags. */
    List<OidcProvider> list(String accountId);

    /**
     * Writes the client ids and thumbprints of a locked provider.
     *
     * @throws IamException ConcurrentModification on a lost race
     */
    OidcProvider update(OidcProvider changed);

    /** @throws IamException NoSuchEntity */
    void delete(String accountId, String resourceName);

    /** AWS's NoSuchEntity text: "OpenIDConnect Provider not found for arn ARN". */
    static IamException notFound(String arn) {
        return IamException.noSuchEntity("OpenIDConnect Provider not found for arn " + arn);
    }

    static IamException alreadyExists(String issuerUrl) {
        return IamException.entityAlreadyExists("Provider with url " + issuerUrl + " already exists.");
    }
}
