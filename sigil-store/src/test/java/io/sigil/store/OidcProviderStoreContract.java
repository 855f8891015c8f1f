package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.OidcProviderStore;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store suite for OpenID Connect providers, run on every dialect by {@link StoreContract}. */
interface OidcProviderStoreContract {

    Store store();

    String account();

    Instant now();

    private OidcProvider provider(String url, List<String> clientIds, List<String> thumbprints, Tag... tags) {
        return new OidcProvider(account(), Ids.uniqueId("OIDC"), url, clientIds, thumbprints, now(), List.of(tags), 0);
    }

    private OidcProvider create(String url, List<String> clientIds, Tag... tags) {
        return store().inTransaction(tx -> tx.oidcProviders().create(provider(url, clientIds, List.of(), tags)));
    }

    @Test
    default void oidcProvider_isFoundByItsUrlWithoutScheme_withListsInOrderAddedAndTagsInKeyOrder() {
        OidcProvider created = store().inTransaction(tx -> tx.oidcProviders().create(provider(
                "https://server.example.com/tenant", List.of("zeta", "alpha"), List.of("b".repeat(40), "a".repeat(40)),
                new Tag("b", "2"), new Tag("A", "1"))));

        OidcProvider found = store().read(tx -> tx.oidcProviders().get(account(), "server.example.com/tenant"));

        assertThat(found).isEqualTo(created);
        assertThat(found.arn()).isEqualTo("arn:aws:iam::" + account() + ":oidc-provider/server.example.com/tenant");
        assertThat(found.issuerUrl()).isEqualTo("https://server.example.com/tenant");
        assertThat(found.clientIds()).containsExactly("zeta", "alpha");
        assertThat(found.thumbprints()).containsExactly("b".repeat(40), "a".repeat(40));
        assertThat(found.createDate()).isEqualTo(now());
        assertThat(found.tags()).containsExactly(new Tag("A", "1"), new Tag("b", "2"));
    }

    @Test
    default void oidcProvider_urlIsUniquePerAccount_withAwsText() {
        create("https://idp.example.com", List.of("a"));
        assertIamError(() -> create("https://idp.example.com", List.of("b")), "EntityAlreadyExists",
                "Provider with url https://idp.example.com already exists.");
    }

    @Test
    default void oidcProvider_urlIsCaseSensitive_soAnotherCaseIsAnotherProvider() {
        create("https://idp.example.com/Tenant", List.of());
        create("https://idp.example.com/tenant", List.of());

        List<OidcProvider> all = store().read(tx -> tx.oidcProviders().list(account()));
        assertThat(all).extracting(OidcProvider::resourceName).containsExactly("idp.example.com/Tenant", "idp.example.com/tenant");
    }

    @Test
    default void oidcProvider_theHundredAndFirstOfAnAccountIsLimitExceeded() {
        for (int i = 0; i < OidcProviderStore.PROVIDERS_PER_ACCOUNT; i++) {
            create("https://idp" + i + ".example.com", List.of());
        }
        assertIamError(() -> create("https://one-more.example.com", List.of()), "LimitExceeded",
                "Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100");
    }

    @Test
    default void oidcProvider_update_replacesClientIdsAndThumbprints_andBumpsTheVersion() {
        create("https://idp.example.com", List.of("a", "b"));

        OidcProvider updated = store().inTransaction(tx -> {
            OidcProvider p = tx.oidcProviders().lock(account(), "idp.example.com");
            return tx.oidcProviders().update(p.withClientIds(List.of("b", "c")).withThumbprints(List.of("f".repeat(40))));
        });

        assertThat(updated.clientIds()).containsExactly("b", "c");
        assertThat(updated.thumbprints()).containsExactly("f".repeat(40));
        assertThat(updated.version()).isEqualTo(1);
    }

    @Test
    default void oidcProvider_updateWithAStaleVersion_isConcurrentModification() {
        OidcProvider stale = create("https://idp.example.com", List.of("a"));
        store().inTransaction(tx -> tx.oidcProviders().update(stale.withClientIds(List.of("b"))));

        assertIamError(() -> store().inTransaction(tx -> tx.oidcProviders().update(stale.withClientIds(List.of("c")))),
                "ConcurrentModification", null);
        List<String> ids = store().read(tx -> tx.oidcProviders().get(account(), "idp.example.com").clientIds());
        assertThat(ids).containsExactly("b");
    }

    @Test
    default void oidcProvider_delete_removesItsListsAndTags_andAnUnknownOneIsNoSuchEntity() {
        create("https://idp.example.com", List.of("a"), new Tag("k", "v"));

        store().write(tx -> tx.oidcProviders().delete(account(), "idp.example.com"));

        java.util.Optional<OidcProvider> gone = store().read(tx -> tx.oidcProviders().find(account(), "idp.example.com"));
        assertThat(gone).isEmpty();
        assertIamError(() -> store().write(tx -> tx.oidcProviders().delete(account(), "idp.example.com")),
                "NoSuchEntity", "OpenIDConnect Provider not found for arn arn:aws:iam::" + account()
                        + ":oidc-provider/idp.example.com");
        create("https://idp.example.com", List.of());
        List<Tag> fresh = store().read(tx -> tx.oidcProviders().get(account(), "idp.example.com").tags());
        assertThat(fresh).isEmpty();
    }

    @Test
    default void oidcProviderTags_areTaggedUntaggedAndListedByResourceName() {
        create("https://idp.example.com", List.of(), new Tag("team", "a"));

        store().write(tx -> tx.tags().tag(account(), TaggableKind.OIDC_PROVIDER, "idp.example.com",
                List.of(new Tag("TEAM", "b"), new Tag("env", "prod"))));
        store().write(tx -> tx.tags().untag(account(), TaggableKind.OIDC_PROVIDER, "idp.example.com",
                List.of("env", "missing")));

        List<Tag> tags = store().read(tx -> tx.tags().list(account(), TaggableKind.OIDC_PROVIDER, "idp.example.com",
                new PageRequest("/", null, 100)).items());
        // Keys of OIDC providers are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(tags).containsExactlyInAnyOrder(new Tag("TEAM", "b"), new Tag("team", "a"));
        assertIamError(() -> store().read(tx -> tx.tags().list(account(), TaggableKind.OIDC_PROVIDER,
                "nope.example.com", new PageRequest("/", null, 100))), "NoSuchEntity", null);
    }
}
