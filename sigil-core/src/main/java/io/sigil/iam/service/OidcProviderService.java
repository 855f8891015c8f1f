package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.OidcProviderStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * OpenID Connect identity providers (IAM API Reference: CreateOpenIDConnectProvider, GetOpenIDConnectProvider,
 * ListOpenIDConnectProviders, DeleteOpenIDConnectProvider, AddClientIDToOpenIDConnectProvider,
 * RemoveClientIDFromOpenIDConnectProvider, UpdateOpenIDConnectProviderThumbprint, TagOpenIDConnectProvider,
 * UntagOpenIDConnectProvider, ListOpenIDConnectProviderTags; spec §1.8, §10 H86).
 *
 * <p>Where spec §1.8 (from older seeds) requires 1–5 thumbprints and at least one client id, AWS today requires
 * neither: ClientIDList and ThumbprintList are optional in CreateOpenIDConnectProvider ("IAM no longer requires a
 * thumbprint"), so empty lists are accepted and the last one may be removed. The upper limits stand: "You cannot
 * register more than 100 client IDs with a single IAM OIDC provider", "IAM lets you have up to five thumbprints".
 */
public final class OidcProviderService {

    /** "You cannot register more than 100 client IDs with a single IAM OIDC provider." */
    public static final int CLIENT_IDS_PER_PROVIDER = 100;
    /** "IAM lets you have up to five thumbprints for an OIDC provider." */
    public static final int THUMBPRINTS_PER_PROVIDER = 5;

    private final Store store;
    private final Clock clock;
    private final Limits limits;
    private final boolean allowHttpLoopback;

    /** @param allowHttpLoopback accept {@code http://} URLs of loopback hosts ({@link OidcProviderUrls}) */
    public OidcProviderService(Store store, Clock clock, Limits limits, boolean allowHttpLoopback) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.allowHttpLoopback = allowHttpLoopback;
    }

    /**
     * CreateOpenIDConnectProvider. Client ids and thumbprints given twice are kept once. "If any one of the tags is
     * invalid or if you exceed the allowed maximum number of tags, then the entire request fails and the resource is
     * not created."
     *
     * @throws IamException ValidationError for the URL; InvalidInput past five thumbprints; LimitExceeded past 100
     *     client ids, 100 providers or 50 tags; EntityAlreadyExists for a URL already registered
     */
    public OidcProvider create(String accountId, String url, List<String> clientIds, List<String> thumbprints,
                               List<Tag> tags) {
        OidcProviderUrls.check(url, allowHttpLoopback);
        List<String> ids = checkedClientIds(distinct(clientIds));
        List<String> prints = checkedThumbprints(distinct(thumbprints));
        List<Tag> t = tags == null ? List.of() : List.copyOf(tags);
        TagRules.requireNoReservedPrefix(t);
        if (t.size() > limits.tagsPerEntity()) {
            throw IamException.limitExceeded(IamException.TAG_LIMIT_REACHED);
        }
        OidcProvider p = new OidcProvider(accountId, Ids.uniqueId("OIDC"), url, ids, prints,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), t, 0);
        return store.inTransaction(tx -> tx.oidcProviders().create(p));
    }

    /** GetOpenIDConnectProvider: URL, client ids, thumbprints, creation date and tags. */
    public OidcProvider get(String accountId, String arn) {
        String name = resourceName(accountId, arn);
        return store.read(tx -> tx.oidcProviders().get(accountId, name));
    }

    /** ListOpenIDConnectProviders: the ARNs of the account's providers (the operation has no paging). */
    public List<OidcProvider> list(String accountId) {
        return store.read(tx -> tx.oidcProviders().list(accountId));
    }

    /**
     * DeleteOpenIDConnectProvider: "This operation is idempotent; it does not fail or return an error if you call
     * the operation for a provider that does not exist."
     */
    public void delete(String accountId, String arn) {
        String name = resourceName(accountId, arn);
        store.write(tx -> {
            if (tx.oidcProviders().find(accountId, name).isPresent()) {
                tx.oidcProviders().delete(accountId, name);
            }
        });
    }

    /**
     * AddClientIDToOpenIDConnectProvider: "This operation is idempotent; it does not fail or return an error if you
     * add an existing client ID to the provider."
     */
    public void addClientId(String accountId, String arn, String clientId) {
        String name = resourceName(accountId, arn);
        store.write(tx -> {
            OidcProvider p = tx.oidcProviders().lock(accountId, name);
            if (p.clientIds().contains(clientId)) {
                return;
            }
            List<String> ids = new ArrayList<>(p.clientIds());
            ids.add(clientId);
            tx.oidcProviders().update(p.withClientIds(checkedClientIds(ids)));
        });
    }

    /**
     * RemoveClientIDFromOpenIDConnectProvider: "This operation is idempotent; it does not fail or return an error if
     * you try to remove a client ID that does not exist."
     */
    public void removeClientId(String accountId, String arn, String clientId) {
        String name = resourceName(accountId, arn);
        store.write(tx -> {
            OidcProvider p = tx.oidcProviders().lock(accountId, name);
            if (p.clientIds().contains(clientId)) {
                List<String> ids = new ArrayList<>(p.clientIds());
                ids.remove(clientId);
                tx.oidcProviders().update(p.withClientIds(ids));
            }
        });
    }

    /** UpdateOpenIDConnectProviderThumbprint: "replaces the existing list of server certificate thumbprints". */
    public void updateThumbprints(String accountId, String arn, List<String> thumbprints) {
        String name = resourceName(accountId, arn);
        List<String> prints = checkedThumbprints(distinct(thumbprints));
        store.write(tx -> {
            OidcProvider p = tx.oidcProviders().lock(accountId, name);
            tx.oidcProviders().update(p.withThumbprints(prints));
        });
    }

    /** TagOpenIDConnectProvider: "If a tag with the same key name already exists, then that tag is overwritten". */
    public void tag(String accountId, String arn, List<Tag> tags) {
        String name = resourceName(accountId, arn);
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> tx.tags().tag(accountId, TaggableKind.OIDC_PROVIDER, name, List.copyOf(tags)));
    }

    /** UntagOpenIDConnectProvider: keys the provider does not have are ignored. */
    public void untag(String accountId, String arn, List<String> keys) {
        String name = resourceName(accountId, arn);
        store.write(tx -> tx.tags().untag(accountId, TaggableKind.OIDC_PROVIDER, name, List.copyOf(keys)));
    }

    /** ListOpenIDConnectProviderTags: "The returned list of tags is sorted by tag key." */
    public Page<Tag> listTags(String accountId, String arn, PageRequest page) {
        String name = resourceName(accountId, arn);
        return store.read(tx -> tx.tags().list(accountId, TaggableKind.OIDC_PROVIDER, name, page));
    }

    /**
     * The resource name an ARN of this account gives ({@code arn:aws:iam::ACCOUNT:oidc-provider/NAME}). Another
     * account's provider is one this account does not have.
     *
     * @throws IamException InvalidInput for text that is no OIDC provider ARN; NoSuchEntity for another account's
     */
    static String resourceName(String accountId, String arn) {
        String[] p = arn == null ? new String[0] : arn.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("iam") || !p[3].isEmpty()
                || !p[5].startsWith("oidc-provider/") || p[5].length() == "oidc-provider/".length()) {
            throw IamException.invalidInput("ARN " + arn + " is not valid.");
        }
        if (!p[4].equals(accountId)) {
            throw OidcProviderStore.notFound(arn);
        }
        return p[5].substring("oidc-provider/".length());
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> checkedClientIds(List<String> ids) {
        if (ids.size() > CLIENT_IDS_PER_PROVIDER) {
            throw IamException.quotaExceeded("ClientIdsPerOpenIdConnectProvider", CLIENT_IDS_PER_PROVIDER);
        }
        return ids;
    }

    /** AWS's InvalidInput text says "fewer than 5" where it means at most five. */
    private static List<String> checkedThumbprints(List<String> prints) {
        if (prints.size() > THUMBPRINTS_PER_PROVIDER) {
            throw IamException.invalidInput("Thumbprint list must contain fewer than " + THUMBPRINTS_PER_PROVIDER
                    + " entries.");
        }
        return prints;
    }
}
