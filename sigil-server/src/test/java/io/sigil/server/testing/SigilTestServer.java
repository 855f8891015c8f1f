package io.sigil.server.testing;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.app.Bootstrap;
import io.sigil.server.app.SigilApp;
import io.sigil.server.app.SigilConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-process Sigil server on a free loopback port, ephemeral and enforcing, with a fixed root key, and AWS SDK
 * v2 clients pointed at it: what the integration tests use. Close it to stop the server and delete its data.
 */
public final class SigilTestServer implements AutoCloseable {
    public static final String ACCOUNT_ID = "123456789012";
    public static final String ROOT_KEY_ID = "AKIAROOTTESTKEY00001";
    public static final String ROOT_SECRET = "rootTestSecretKey0000000000000000000000000";

    /** The master key every test server uses (base64 of the bytes 0..31). */
    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final SigilApp app;
    private final TestClock clock;

    private SigilTestServer(SigilApp app, TestClock clock) {
        this.app = app;
        this.clock = clock;
    }

    public static SigilTestServer start() {
        return start(EnforceMode.ON);
    }

    public static SigilTestServer start(EnforceMode mode) {
        return start(mode, io.sigil.iam.Limits.AWS_DEFAULTS);
    }

    /** An enforcing server with these IAM quotas, as {@code sigil serve --quota} sets them. */
    public static SigilTestServer start(io.sigil.iam.Limits quotas) {
        return start(EnforceMode.ON, quotas);
    }

    public static SigilTestServer start(EnforceMode mode, io.sigil.iam.Limits quotas) {
        Map<String, String> env = new HashMap<>();
        env.put(Bootstrap.ENV_ACCOUNT, ACCOUNT_ID);
        env.put(Bootstrap.ENV_KEY_ID, ROOT_KEY_ID);
        env.put(Bootstrap.ENV_SECRET, ROOT_SECRET);
        env.put("SIGIL_MASTER_KEY", MASTER_KEY);
        TestClock clock = new TestClock();
        try {
            return new SigilTestServer(SigilApp.start(SigilConfig.forTests(env).withEnforce(mode).withQuotas(quotas), clock), clock);
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not start", e);
        }
    }

    /**
     * An enforcing server shared by the test classes of one area, stopped when the test JVM exits rather than after
     * a class: sharing saves a start per class, and keeps the server's graceful stop (which can outlast its 2 s
     * timeout on a loopback that retransmits, as seen in this sandbox) out of the test results.
     *
     * @param stopThread the name of the shutdown hook's thread, to tell the areas' servers apart
     */
    public static SigilTestServer startUntilExit(String stopThread) {
        SigilTestServer started = start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (RuntimeException e) {
                // The JVM is exiting; a graceful stop that timed out has nothing left to protect.
            }
        }, stopThread));
        return started;
    }

    public SigilApp app() {
        return app;
    }

    /** The server's clock: real time plus an offset the test sets. */
    public TestClock clock() {
        return clock;
    }

    /** The master key's box, as the server holds it (to mint tokens or messages a test needs). */
    public static io.sigil.iam.crypto.SecretBox masterBox() {
        return new io.sigil.iam.crypto.SecretBox(java.util.Base64.getDecoder().decode(MASTER_KEY));
    }

    public URI endpoint() {
        return URI.create(app.endpoint());
    }

    /** An IAM client signing with the account root's key. */
    public IamClient rootIam() {
        return iam(ROOT_KEY_ID, ROOT_SECRET);
    }

    public IamClient iam(String accessKeyId, String secret) {
        return iam(AwsBasicCredentials.create(accessKeyId, secret));
    }

    public StsClient rootSts() {
        return sts(ROOT_KEY_ID, ROOT_SECRET);
    }

    public StsClient sts(String accessKeyId, String secret) {
        return sts(AwsBasicCredentials.create(accessKeyId, secret));
    }

    /** An IAM client signing with temporary credentials. */
    public IamClient iam(software.amazon.awssdk.services.sts.model.Credentials c) {
        return iam(session(c));
    }

    /** An STS client signing with temporary credentials. */
    public StsClient sts(software.amazon.awssdk.services.sts.model.Credentials c) {
        return sts(session(c));
    }

    /** IAM signs for the global endpoint's scope, as the SDK does with {@code Region.AWS_GLOBAL}. */
    private IamClient iam(AwsCredentials credentials) {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private StsClient sts(AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static software.amazon.awssdk.auth.credentials.AwsSessionCredentials session(
            software.amazon.awssdk.services.sts.model.Credentials c) {
        return software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(c.accessKeyId(),
                c.secretAccessKey(), c.sessionToken());
    }

    /** A raw, unsigned HTTP exchange, for the edge's own answers. */
    public HttpResponse<String> raw(String method, String pathAndQuery, String contentType, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(endpoint().resolve(pathAndQuery));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first audit event (a JSON line) containing {@code needle}, waiting up to 5 s for the background writer. */
    public String awaitAuditLine(String needle) {
        java.nio.file.Path dir = app.dataDir().resolve("audit");
        long deadline = System.currentTimeMillis() + 5_000;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (java.nio.file.Files.isDirectory(dir)) {
                    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                        for (java.nio.file.Path f : files.toList()) {
                            for (String line : java.nio.file.Files.readAllLines(f)) {
                                if (line.contains(needle)) {
                                    return line;
                                }
                            }
                        }
                    }
                }
                Thread.sleep(50);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no audit event containing " + needle + " in " + dir);
    }

    @Override
    public void close() {
        try {
            app.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
