package io.sigil.server.app;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.User;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The dev reset endpoint and the CloudTrail-shaped audit log. */
class AdminAndAuditTest {
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void reset_deletesEveryEntityAndOtherAccounts_andTheAlias_butKeepsTheBootstrapRoot() {
        Instant now = Instant.now();
        SIGIL.server().app().store().write(tx -> {
            tx.users().create(User.create(SigilTestServer.ACCOUNT_ID, "doomed", "/", Ids.userId(), now, null, List.of()));
            tx.accounts().create(Account.create("999988887777", now));
            tx.accounts().update(tx.accounts().get(SigilTestServer.ACCOUNT_ID).withAlias("kept-alias"));
        });
        var r = SIGIL.server().raw("POST", "/_sigil/reset", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        SIGIL.server().app().store().read(tx -> {
            assertThat(tx.users().find(SigilTestServer.ACCOUNT_ID, "doomed")).isEmpty();
            assertThat(tx.accounts().find("999988887777")).isEmpty();
            assertThat(tx.accessKeys().find(SigilTestServer.ROOT_KEY_ID)).isPresent();
            assertThat(tx.accounts().get(SigilTestServer.ACCOUNT_ID).alias()).isNull();
            return null;
        });
    }

    @Test
    void reset_isNotOffered_withoutDevMode() throws Exception {
        SigilConfig plain = SigilConfig.forTests(java.util.Map.of());
        SigilConfig noDev = new SigilConfig(plain.bindHost(), 0, null, null, plain.enforce(), true, false,
                plain.limits(), plain.env());
        try (SigilApp app = SigilApp.start(noDev)) {
            var client = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.endpoint() + "/_sigil/reset"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            assertThat(client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void responseElements_areRecordedForChanges_butNullForReadOnlyCalls_asCloudTrailDoes() {
        var iam = SIGIL.server().rootIam();
        iam.createUser(r -> r.userName("audited-user"));
        iam.listUsers();
        String created = SIGIL.server().awaitAuditLine("\"eventName\":\"CreateUser\"");
        assertThat(created).contains("\"responseElements\":{\"user\":{").contains("audited-user");
        List<String> listed = List.of();
        for (int i = 0; i < 100 && listed.isEmpty(); i++) { // the audit writer runs in the background
            sleep(50);
            listed = auditLines().stream()
                    .filter(l -> l.contains("\"eventName\":\"ListUsers\"") && !l.contains("\"errorCode\"")).toList();
        }
        assertThat(listed).as("successful ListUsers events").isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"responseElements\":null"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> auditLines() {
        try (var files = java.nio.file.Files.list(SIGIL.server().app().dataDir().resolve("audit"))) {
            List<String> out = new java.util.ArrayList<>();
            for (var f : files.toList()) {
                out.addAll(java.nio.file.Files.readAllLines(f));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyCall_isAppendedAsACloudTrailShapedEvent_withTheErrorCode() throws Exception {
        try (var iam = SIGIL.server().iam(SigilTestServer.ROOT_KEY_ID, "wrong-secret-wrong-secret-wrong-secret-00")) {
            catchThrowableOfType(AwsServiceException.class, iam::listUsers);
        }
        String line = SIGIL.server().awaitAuditLine("SignatureDoesNotMatch");
        assertThat(line).contains("\"eventVersion\":\"1.08\"").contains("\"eventSource\":\"iam.amazonaws.com\"")
                .contains("\"eventName\":\"ListUsers\"").contains("\"errorCode\":\"SignatureDoesNotMatch\"")
                .contains("\"requestID\":").contains("\"eventID\":").contains("\"readOnly\":true")
                .contains("\"sourceIPAddress\":\"127.0.0.1\"");
    }
}
