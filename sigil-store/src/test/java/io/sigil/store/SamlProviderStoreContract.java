package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.model.SamlPrivateKey;
import io.sigil.iam.model.SamlProvider;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.pki.TestPki;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.SamlProviderStore.NewKey;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store suite for SAML providers, run on every dialect by {@link StoreContract}. */
interface SamlProviderStoreContract {

    /** A private key in PKCS#8 PEM; its base64 must never be found in the database. */
    String SAML_KEY = TestPki.pkcs8(TestPki.rsa(2048).getPrivate());

    Store store();

    String account();

    Instant now();

    Store openWithAnotherMasterKey();

    void assertRowKeepsNoClearText(String table, String id, String secret) throws Exception;

    private SamlProvider provider(String name, Tag... tags) {
        return new SamlProvider(account(), name, Ids.samlProviderUuid(), "<md:EntityDescriptor/>", now(),
                now().plusSeconds(86_400), null, List.of(), List.of(tags), 0);
    }

    private SamlProvider create(String name, List<NewKey> keys, Tag... tags) {
        return store().inTransaction(tx -> tx.samlProviders().create(provider(name, tags), keys));
    }

    private NewKey key() {
        return new NewKey(new SamlPrivateKey(Ids.samlPrivateKeyId(), now()), SAML_KEY);
    }

    @Test
    default void samlProvider_isFoundByNameInAnyCase_withArnDatesKeysAndTagsInKeyOrder() {
        NewKey k = key();
        SamlProvider created = create("Okta", List.of(k), new Tag("b", "2"), new Tag("A", "1"));

        SamlProvider found = store().read(tx -> tx.samlProviders().find(account(), "OKTA")).orElseThrow();

        assertThat(found).isEqualTo(created);
        assertThat(found.arn()).isEqualTo("arn:aws:iam::" + account() + ":saml-provider/Okta");
        assertThat(found.validUntil()).isEqualTo(now().plusSeconds(86_400));
        assertThat(found.privateKeys()).containsExactly(k.key());
        assertThat(found.tags()).containsExactly(new Tag("A", "1"), new Tag("b", "2"));
    }

    @Test
    default void samlProvider_namesAreUniqueCaseInsensitively() {
        create("Adfs", List.of());
        assertIamError(() -> create("ADFS", List.of()), "EntityAlreadyExists", null);
    }

    @Test
    default void samlProvider_theHundredAndFirstOfAnAccountIsLimitExceeded() {
        for (int i = 0; i < Limits.SAML_PROVIDERS_PER_ACCOUNT; i++) {
            create("p" + i, List.of());
        }
        assertIamError(() -> create("one-more", List.of()), "LimitExceeded",
                "Cannot exceed quota for SAMLProvidersPerAccount: 100");
    }

    @Test
    default void samlProviders_listInNameOrder_withoutTagsOrKeys() {
        create("b-idp", List.of(key()), new Tag("k", "v"));
        create("A-idp", List.of());

        List<SamlProvider> all = store().read(tx -> tx.samlProviders().list(account()));

        assertThat(all).extracting(SamlProvider::name).containsExactly("A-idp", "b-idp");
        assertThat(all.get(1).tags()).isEmpty();
    }

    @Test
    default void samlProvider_updateWritesMetadataModeAndKeys_andAStaleVersionIsConcurrentModification() {
        NewKey first = key();
        create("idp", List.of(first));
        NewKey second = key();

        SamlProvider updated = store().inTransaction(tx -> tx.samlProviders().update(
                tx.samlProviders().lock(account(), "idp").updated("<new/>", now().plusSeconds(60), "Required"),
                List.of(second), List.of(first.key().keyId())));

        assertThat(updated.metadataDocument()).isEqualTo("<new/>");
        assertThat(updated.assertionEncryptionMode()).isEqualTo("Required");
        assertThat(updated.privateKeys()).containsExactly(second.key());
        SamlProvider staleCopy = new SamlProvider(account(), "idp", updated.uuid(), "<x/>", now(), now(), null,
                List.of(), List.of(), 0);
        assertIamError(() -> store().inTransaction(tx -> tx.samlProviders().update(staleCopy, List.of(), List.of())),
                "ConcurrentModification", null);
    }

    @Test
    default void samlProvider_deleteRemovesItsKeysAndTags_andAnUnknownNameIsManifestNotFound() {
        create("gone", List.of(key()), new Tag("k", "v"));

        store().write(tx -> tx.samlProviders().delete(account(), "GONE"));

        String arn = "arn:aws:iam::" + account() + ":saml-provider/gone";
        assertIamError(() -> store().read(tx -> tx.tags().list(account(), TaggableKind.SAML_PROVIDER, "gone",
                PageRequest.first())), "NoSuchEntity", "Manifest not found for arn " + arn);
        assertIamError(() -> store().write(tx -> tx.samlProviders().delete(account(), "gone")), "NoSuchEntity",
                "Manifest not found for arn " + arn);
    }

    @Test
    default void samlProvider_tagsAreAddedReplacedAndRemovedByExactKey() {
        create("tagged", List.of(), new Tag("Env", "dev"));

        store().write(tx -> tx.tags().tag(account(), TaggableKind.SAML_PROVIDER, "tagged",
                List.of(new Tag("env", "prod"), new Tag("team", "idp"))));
        store().write(tx -> tx.tags().untag(account(), TaggableKind.SAML_PROVIDER, "tagged", List.of("TEAM")));
        store().write(tx -> tx.tags().tag(account(), TaggableKind.SAML_PROVIDER, "tagged",
                List.of(new Tag("env", "test"))));
        store().write(tx -> tx.tags().untag(account(), TaggableKind.SAML_PROVIDER, "tagged", List.of("Env")));

        // Keys of SAML providers are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(store().read(tx -> tx.samlProviders().find(account(), "tagged")).orElseThrow().tags())
                .containsExactlyInAnyOrder(new Tag("env", "test"), new Tag("team", "idp"));
    }

    @Test
    default void samlProvider_privateKeysAreSealed_openWithTheMasterKeyOnly() throws Exception {
        NewKey k = key();
        create("sealed", List.of(k));

        List<String> opened = store().read(tx -> tx.samlProviders().openPrivateKeys(account(), "sealed"));

        assertThat(opened).containsExactly(SAML_KEY);
        String base64Line = SAML_KEY.lines().skip(1).findFirst().orElseThrow();
        assertRowKeepsNoClearText("saml_provider_keys", k.key().keyId(), base64Line);
        assertRowKeepsNoClearText("saml_provider_keys", k.key().keyId(), "PRIVATE KEY");
        Store wrong = openWithAnotherMasterKey();
        try {
            assertIamError(() -> wrong.read(tx -> tx.samlProviders().openPrivateKeys(account(), "sealed")),
                    "ServiceFailure", null);
        } finally {
            wrong.close();
        }
    }
}
