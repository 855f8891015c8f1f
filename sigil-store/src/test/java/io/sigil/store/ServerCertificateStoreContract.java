package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.model.ServerCertificate;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.pki.TestPki;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store suite for server certificates, run on every dialect by {@link StoreContract}. */
interface ServerCertificateStoreContract {

    /** A private key in PKCS#8 PEM; its base64 must never be found in the database. */
    String PRIVATE_KEY = TestPki.pkcs8(TestPki.sharedRsa(2048).getPrivate());

    Store store();

    String account();

    Instant now();

    /** A store on the same database under another master key. */
    Store openWithAnotherMasterKey();

    void assertRowKeepsNoClearText(String table, String id, String secret) throws Exception;

    private ServerCertificate cert(String name, String path, Tag... tags) {
        return new ServerCertificate(account(), name, path, Ids.serverCertificateId(), "-----BEGIN CERTIFICATE-----",
                null, now(), now().plusSeconds(86_400), List.of(tags), 0);
    }

    private ServerCertificate upload(String name, String path, Tag... tags) {
        return store().inTransaction(tx -> tx.serverCertificates().create(cert(name, path, tags), PRIVATE_KEY));
    }

    @Test
    default void serverCertificate_isFoundByNameInAnyCase_withPathArnExpirationAndTagsInKeyOrder() {
        ServerCertificate created = upload("ProdCert", "/cloudfront/test/", new Tag("b", "2"), new Tag("A", "1"));

        ServerCertificate found = store().read(tx -> tx.serverCertificates().get(account(), "prodcert"));

        assertThat(found).isEqualTo(created);
        assertThat(found.arn()).isEqualTo("arn:aws:iam::" + account() + ":server-certificate/cloudfront/test/ProdCert");
        assertThat(found.id()).matches("ASCA[A-Z2-7]{17}");
        assertThat(found.expiration()).isEqualTo(now().plusSeconds(86_400));
        assertThat(found.tags()).containsExactly(new Tag("A", "1"), new Tag("b", "2"));
    }

    @Test
    default void serverCertificate_namesAreUniqueCaseInsensitively_withAwsText() {
        upload("Edge", "/");
        assertIamError(() -> upload("EDGE", "/"), "EntityAlreadyExists",
                "The Server Certificate with name EDGE already exists.");
    }

    @Test
    default void serverCertificate_theTwentyFirstOfAnAccountIsLimitExceeded() {
        for (int i = 0; i < Limits.SERVER_CERTIFICATES_PER_ACCOUNT; i++) {
            upload("c" + i, "/");
        }
        assertIamError(() -> upload("one-more", "/"), "LimitExceeded",
                "Cannot exceed quota for ServerCertificatesPerAccount: 20");
    }

    @Test
    default void serverCertificates_listByPathPrefixInNameOrder_aPageAtATime() {
        upload("b-cert", "/cloudfront/");
        upload("A-cert", "/cloudfront/prod/");
        upload("c-cert", "/elb/");

        Page<ServerCertificate> first = store().read(tx -> tx.serverCertificates().list(account(),
                new PageRequest("/cloudfront/", null, 1)));
        Page<ServerCertificate> second = store().read(tx -> tx.serverCertificates().list(account(),
                first.isTruncated() ? new PageRequest("/cloudfront/", first.nextMarker(), 1) : null));

        assertThat(first.items()).extracting(ServerCertificate::name).containsExactly("A-cert");
        assertThat(second.items()).extracting(ServerCertificate::name).containsExactly("b-cert");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    default void serverCertificate_renameAndMove_keepIdAndTags_andATakenNameIsEntityAlreadyExists() {
        ServerCertificate c = upload("old-name", "/", new Tag("k", "v"));
        upload("taken", "/");

        ServerCertificate moved = store().inTransaction(tx -> tx.serverCertificates().update(
                tx.serverCertificates().lock(account(), "old-name").renamed("new-name", "/cloudfront/")));

        assertThat(moved.id()).isEqualTo(c.id());
        assertThat(moved.path()).isEqualTo("/cloudfront/");
        assertThat(moved.tags()).containsExactly(new Tag("k", "v"));
        Optional<ServerCertificate> old = store().read(tx -> tx.serverCertificates().find(account(), "old-name"));
        assertThat(old).isEmpty();
        assertIamError(() -> store().inTransaction(tx -> tx.serverCertificates().update(
                        tx.serverCertificates().lock(account(), "new-name").renamed("TAKEN", "/"))),
                "EntityAlreadyExists", "The Server Certificate with name TAKEN already exists.");
    }

    @Test
    default void serverCertificate_deleteRemovesItAndItsTags_andAnUnknownNameIsAwsNotFoundText() {
        upload("gone", "/", new Tag("k", "v"));

        store().write(tx -> tx.serverCertificates().delete(account(), "GONE"));

        assertIamError(() -> store().read(tx -> tx.tags().list(account(), TaggableKind.SERVER_CERTIFICATE, "gone",
                PageRequest.first())), "NoSuchEntity", "The Server Certificate with name gone cannot be found.");
        assertIamError(() -> store().write(tx -> tx.serverCertificates().delete(account(), "gone")), "NoSuchEntity",
                "The Server Certificate with name gone cannot be found.");
    }

    @Test
    default void serverCertificate_tagsAreAddedReplacedAndRemovedByExactKey() {
        upload("tagged", "/", new Tag("Env", "dev"));

        store().write(tx -> tx.tags().tag(account(), TaggableKind.SERVER_CERTIFICATE, "tagged",
                List.of(new Tag("env", "prod"), new Tag("team", "edge"))));
        store().write(tx -> tx.tags().untag(account(), TaggableKind.SERVER_CERTIFICATE, "tagged", List.of("TEAM")));
        store().write(tx -> tx.tags().tag(account(), TaggableKind.SERVER_CERTIFICATE, "tagged",
                List.of(new Tag("env", "test"))));
        store().write(tx -> tx.tags().untag(account(), TaggableKind.SERVER_CERTIFICATE, "tagged", List.of("Env")));

        // Keys of server certificates are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(store().read(tx -> tx.serverCertificates().get(account(), "tagged")).tags())
                .containsExactlyInAnyOrder(new Tag("env", "test"), new Tag("team", "edge"));
    }

    @Test
    default void serverCertificate_privateKeyIsSealed_opensWithTheMasterKeyOnly() throws Exception {
        ServerCertificate c = upload("sealed", "/");

        String opened = store().read(tx -> tx.serverCertificates().openPrivateKey(account(), "sealed"));
        assertThat(opened).isEqualTo(PRIVATE_KEY);
        String base64Line = PRIVATE_KEY.lines().skip(1).findFirst().orElseThrow();
        assertRowKeepsNoClearText("server_certificates", c.id(), base64Line);
        assertRowKeepsNoClearText("server_certificates", c.id(), "PRIVATE KEY");
        Store wrong = openWithAnotherMasterKey();
        try {
            assertIamError(() -> wrong.read(tx -> tx.serverCertificates().openPrivateKey(account(), "sealed")),
                    "ServiceFailure", null);
        } finally {
            wrong.close();
        }
    }
}
