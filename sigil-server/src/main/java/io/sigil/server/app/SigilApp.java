package io.sigil.server.app;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.crypto.MasterKey;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.service.AccessTracking;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.OutboundFederationService;
import io.sigil.iam.sts.SessionTokens;
import io.sigil.server.api.ApiDispatcher;
import io.sigil.server.api.NamedUsers;
import io.sigil.server.federation.FederationEndpoint;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallServices;
import io.sigil.server.api.CredentialResolver;
import io.sigil.server.api.EnforcementTable;
import io.sigil.server.api.Handlers;
import io.sigil.server.api.KeyCredential;
import io.sigil.server.api.KeyUse;
import io.sigil.server.audit.AuditLog;
import io.sigil.server.authz.DecisionListener;
import io.sigil.server.http.ApiEndpoint;
import io.sigil.server.http.SigilHttpServer;
import io.sigil.server.metrics.Metrics;
import io.sigil.server.protocol.QueryProtocol;
import io.sigil.server.sigv4.SigV4Config;
import io.sigil.server.sigv4.SigV4Verifier;
import io.sigil.store.JdbcStore;
import io.sigil.store.PostgresConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The composition root: builds every part of a Sigil server from its configuration, with constructors, and
 * closes them in reverse order. Nothing else wires components together.
 */
public final class SigilApp implements AutoCloseable {
    private final SigilConfig config;
    private final Path dataDir;
    private final Store store;
    private final Authorizer authorizer;
    private final CredentialResolver credentials;
    private final AuditLog audit;
    private final Metrics metrics = new Metrics();
    private final SigilHttpServer http;
    private final Bootstrap.Result bootstrap;
    private final List<AutoCloseable> extras = new ArrayList<>();
    private final AccessTracking accessTracking;
    private final OutboundFederationService outbound;
    private final ApiDispatcher api;
    /** The API modules, each registered at its first call (see {@link HandlerTable}). */
    private final List<ApiModule> modules;
    private final Handlers handlers;

    private SigilApp(SigilConfig config, Clock clock) throws Exception {
        this.config = config;
        StartupTrace trace = new StartupTrace();
        // Jetty starts on a second thread while this one opens the store and builds the modules: the two are
        // independent, and each takes about a fifth of a start (sigil-bench's ColdStart). A request that arrives
        // before the routes are given below waits for them. The JDK's crypto providers load there first, before
        // the bootstrap and the first signed call need them.
        FutureTask<SigilHttpServer> httpStart = new FutureTask<>(() -> {
            loadCryptoProviders();
            SigilHttpServer s = new SigilHttpServer(config.bindHost(), config.port(), config.limits());
            s.start();
            return s;
        });
        Thread starter = new Thread(() -> {
            httpStart.run();
            SigilHttpServer.prepareFirstConnection();
        }, "sigil-start-http");
        starter.setDaemon(true);
        starter.start();
        try {
            this.dataDir = scratch(config) ? Files.createTempDirectory("sigil-ephemeral-") : config.dataDir();
            Files.createDirectories(dataDir);
            SecretBox box = MasterKey.load(dataDir, config.env());
            trace.mark("data dir and master key");
            this.store = openStore(config, dataDir, box);
            trace.mark("store");
            this.bootstrap = Bootstrap.run(store, config.env(), clock.instant());
            Bootstrap.writeCredentialsFile(dataDir, bootstrap);
            trace.mark("bootstrap");
            this.authorizer = new Authorizer(store);
            this.credentials = new CredentialResolver(store, new SessionTokens(box));
            this.audit = new AuditLog(dataDir.resolve("audit"));
            this.handlers = new Handlers();
            this.accessTracking = Modules.accessTracking(store, extras);
            this.outbound = new OutboundFederationService(store, clock, this::publicUrl);
            this.modules = Modules.all(store, clock, extras, box, authorizer, config.quotas(), accessTracking,
                    outbound, config.allowHttpLoopbackIdp());
            HandlerTable.register(modules, handlers);
            KeyUse keyUse = Modules.keyUse(store, extras);
            trace.mark("authorizer, audit and modules");
            QueryProtocol protocol = QueryProtocol.standard();
            trace.mark("query protocol");
            CallServices services = new CallServices(authorizer, config.enforce(), audit, metrics, keyUse, clock,
                    accessTracking);
            this.api = new ApiDispatcher(protocol,
                    new SigV4Verifier<KeyCredential>(SigV4Config.defaults(), credentials), services, store,
                    EnforcementTable.load(), handlers, namedUsers(store, extras));
            trace.mark("dispatcher");
            RestRoutes rest = new RestRoutes(store, credentials, services);
            java.util.Map<String, io.sigil.server.http.Endpoint> admin = new java.util.LinkedHashMap<>(
                    AdminEndpoints.routes(this));
            // Every decision of the authorization API counts for last accessed data, like the IAM and STS calls the
            // dispatcher records (IAM User Guide, "Refine permissions in AWS using last accessed information").
            DecisionListener lastAccessed = (principal, service, action, resource, region, decision, at) ->
                    accessTracking.record(principal, action, region, at);
            admin.putAll(rest.admin(box, lastAccessed));
            admin.put("GET " + FederationEndpoint.PATH, new FederationEndpoint(credentials, box, clock));
            this.http = started(httpStart);
            http.open(admin, rest.api(), api);
            trace.mark("jetty (the wait for its start)");
        } catch (Exception | Error e) {
            stopQuietly(httpStart);
            throw e;
        }
        trace.print();
    }

    /**
     * Looks up the algorithms every start and every signed call use (secrets at rest: AES-GCM; SigV4 and session
     * tokens: HMAC-SHA256 and SHA-256), which loads and lists the JDK's providers once, a tenth of the main
     * thread's work in a start when it falls there (sigil-bench's ColdStart).
     */
    private static void loadCryptoProviders() {
        try {
            javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            javax.crypto.Mac.getInstance("HmacSHA256");
            java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.GeneralSecurityException e) {
            // the code that needs the algorithm reports it
        }
    }

    private static SigilHttpServer started(FutureTask<SigilHttpServer> httpStart) throws Exception {
        try {
            return httpStart.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** After a failed start: the HTTP server, if it started, stops, so that its port is free again. */
    private static void stopQuietly(FutureTask<SigilHttpServer> httpStart) {
        try {
            started(httpStart).close();
        } catch (Exception | Error e) {
            // it did not start, or stopping failed; the start's own failure is the one to report
        }
    }

    private static NamedUsers namedUsers(Store store, List<AutoCloseable> extras) {
        NamedUsers users = new NamedUsers(store);
        extras.add(users);
        return users;
    }

    public static SigilApp start(SigilConfig config) throws Exception {
        return new SigilApp(config, Clock.systemUTC());
    }

    /**
     * Starts with another clock: tests move it to see temporary credentials expire. The clock is the server's notion
     * of now for SigV4 (whose 15-minute skew still applies to what clients sign), sessions and policies.
     */
    public static SigilApp start(SigilConfig config, Clock clock) throws Exception {
        return new SigilApp(config, clock);
    }

    private static Store openStore(SigilConfig config, Path dataDir, SecretBox box) {
        if (config.dbUrl() == null || config.dbUrl().isEmpty()) {
            // --ephemeral's own temporary directory is deleted at exit: no fsync for what is not meant to last.
            return JdbcStore.sqlite(dataDir.resolve(JdbcStore.SQLITE_FILE), box, config.quotas(), !scratch(config));
        }
        if (!config.dbUrl().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db takes a jdbc:postgresql:// URL (SQLite is the default)");
        }
        return JdbcStore.postgres(PostgresConfig.of(config.dbUrl(), config.env().get("SIGIL_DB_USER"),
                config.env().get("SIGIL_DB_PASSWORD")), box, config.quotas());
    }

    public int port() {
        return http.port();
    }

    public String host() {
        return http.host();
    }

    public String endpoint() {
        return "http://" + host() + ":" + port();
    }

    /** The operation handlers, most of them registered at their module's first call (see {@link HandlerTable}). */
    Handlers handlers() {
        return handlers;
    }

    /** The API modules in the order {@link Modules#all} builds them (for the handler table's generator). */
    List<ApiModule> modules() {
        return modules;
    }

    /**
     * Sigil's URL as clients outside reach it: {@code SIGIL_PUBLIC_URL} when set (behind a proxy or TLS terminator),
     * else {@link #endpoint()}. The accounts' outbound issuer URLs are made from it.
     */
    public String publicUrl() {
        String configured = config.env().get("SIGIL_PUBLIC_URL");
        return configured == null || configured.isBlank() ? endpoint() : configured;
    }

    /** The accounts' outbound web identity issuers (discovery documents and JWKS). */
    public OutboundFederationService outboundFederation() {
        return outbound;
    }

    public String accountId() {
        return bootstrap.accountId();
    }

    /** The root key created or fixed at this start (null secret when it was created at an earlier start). */
    public Bootstrap.Result bootstrap() {
        return bootstrap;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The Query API (IAM and STS) behind the HTTP edge: sigil-bench's DispatchBenchmark calls it in-process to
     * measure a call's own cost without the sockets.
     */
    public ApiEndpoint queryApi() {
        return api;
    }

    public Store store() {
        return store;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    /**
     * The recorder of last accessed data: every service that authorises calls through this server records them
     * here ({@link AccessTracking#record}).
     */
    public AccessTracking accessTracking() {
        return accessTracking;
    }

    public Metrics metrics() {
        return metrics;
    }

    public SigilConfig config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        http.close();
        for (int i = extras.size() - 1; i >= 0; i--) {
            extras.get(i).close();
        }
        audit.close();
        credentials.close();
        authorizer.close();
        store.close();
        if (scratch(config)) {
            deleteTree(dataDir);
        }
    }

    /** True when the data lives in a temporary directory of its own, deleted at exit ({@code --ephemeral}). */
    private static boolean scratch(SigilConfig config) {
        return config.ephemeral() && config.dataDir() == null;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
