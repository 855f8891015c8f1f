package io.sigil.server.app;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.http.HttpLimits;
import io.sigil.server.testing.SigilTestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Sigil nodes on one PostgreSQL database (DESIGN.md, "Storage"): what one node writes, the other serves
 * within a second, caches included (LISTEN/NOTIFY invalidation). Uses SIGIL_TEST_PG_URL when set (a fresh
 * database is created in it), otherwise an embedded PostgreSQL.
 */
class TwoNodesOnPostgresTest {
    private static EmbeddedPostgres embedded;
    private static String url;
    private static String user;
    private static String password;

    @BeforeAll
    static void database() throws Exception {
        String base = System.getenv("SIGIL_TEST_PG_URL");
        user = System.getenv().getOrDefault("SIGIL_TEST_PG_USER", "postgres");
        password = System.getenv("SIGIL_TEST_PG_PASSWORD");
        if (base == null || base.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            base = embedded.getJdbcUrl("postgres", "postgres");
        }
        String db = "sigil_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        url = base.replaceFirst("/[^/?]*(\\?|$)", "/" + db + "$1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static SigilApp node() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(Bootstrap.ENV_ACCOUNT, SigilTestServer.ACCOUNT_ID);
        env.put(Bootstrap.ENV_KEY_ID, SigilTestServer.ROOT_KEY_ID);
        env.put(Bootstrap.ENV_SECRET, SigilTestServer.ROOT_SECRET);
        env.put("SIGIL_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        env.put("SIGIL_DB_USER", user);
        if (password != null) {
            env.put("SIGIL_DB_PASSWORD", password);
        }
        return SigilApp.start(new SigilConfig("127.0.0.1", 0, null, url, EnforceMode.ON, true, false,
                HttpLimits.defaults(), env));
    }

    private static IamClient client(SigilApp app, String key, String secret) {
        return IamClient.builder().endpointOverride(URI.create(app.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void aUserCreatedOnOneNode_isServedByTheOther_andItsPolicyChangeIsEnforcedThereWithinOneSecond() throws Exception {
        try (SigilApp a = node(); SigilApp b = node();
             IamClient rootA = client(a, SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET);
             IamClient rootB = client(b, SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)) {
            assertThat(a.accountId()).isEqualTo(b.accountId());
            rootA.createUser(r -> r.userName("shared"));
            assertThat(rootB.getUser(r -> r.userName("shared")).user().userName()).isEqualTo("shared");

            var key = rootA.createAccessKey(r -> r.userName("shared")).accessKey();
            try (IamClient sharedOnB = client(b, key.accessKeyId(), key.secretAccessKey())) {
                // Node B caches the key and the user's (empty) policies on first use.
                var denied = org.assertj.core.api.Assertions.catchThrowableOfType(
                        software.amazon.awssdk.services.iam.model.IamException.class, sharedOnB::listUsers);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                rootA.putUserPolicy(r -> r.userName("shared").policyName("list").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\","
                                + "\"Resource\":\"*\"}}"));
                long deadline = System.currentTimeMillis() + 1000;
                boolean allowed = false;
                while (!allowed && System.currentTimeMillis() < deadline) {
                    try {
                        sharedOnB.listUsers();
                        allowed = true;
                    } catch (RuntimeException e) {
                        Thread.sleep(20);
                    }
                }
                assertThat(allowed).as("node B enforces node A's new policy within one second").isTrue();
            }
            rootA.deleteAccessKey(r -> r.userName("shared").accessKeyId(key.accessKeyId()));
            rootA.deleteUserPolicy(r -> r.userName("shared").policyName("list"));
            rootA.deleteUser(r -> r.userName("shared"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> rootB.getUser(r -> r.userName("shared")))
                    .isInstanceOf(NoSuchEntityException.class);
        }
    }
}
