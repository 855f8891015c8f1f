package io.sigil.server.cli;

import io.sigil.iam.Limits;
import io.sigil.server.api.EnforceMode;
import io.sigil.server.app.SelfCheck;
import io.sigil.server.app.SigilApp;
import io.sigil.server.app.SigilConfig;
import io.sigil.server.http.HttpLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code sigil serve}: runs the AWS-wire IAM and STS server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the IAM/STS server. Prints one line when ready:",
            "  Sigil listening on http://HOST:PORT (account ID, data in DIR)",
            "First start creates an account and its root key, written once to DIR/credentials (profile sigil)."})
public final class ServeCommand implements Callable<Integer> {
    static final String DEFAULT_PORT = "8383";
    static final String DEFAULT_ENFORCE = "on";

    @Option(names = "--port", defaultValue = DEFAULT_PORT, description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = SigilConfig.DEFAULT_BIND,
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data-dir", description = "Data directory (default ~/.sigil).")
    Path dataDir;

    @Option(names = "--db", description = "jdbc:postgresql://host/db to share one database between nodes "
            + "(SIGIL_DB_USER, SIGIL_DB_PASSWORD); default: embedded SQLite in the data directory.")
    String db;

    @Option(names = "--enforce", defaultValue = DEFAULT_ENFORCE, description = "on (default), audit (allow and log denials) or off.")
    String enforce;

    @Option(names = "--ephemeral", description = "Keep everything in a temporary directory deleted at exit.")
    boolean ephemeral;

    @Option(names = "--dev", description = "Enable POST /_sigil/reset (wipes all but the bootstrap root).")
    boolean dev;

    @Option(names = "--allow-http-loopback-idp", description = "Accept OpenID Connect providers at http:// URLs of "
            + "loopback hosts (localhost, 127.0.0.0/8, [::1]) and fetch their keys over plain HTTP: for local "
            + "identity providers in tests and development. AWS accepts https:// providers only.")
    boolean allowHttpLoopbackIdp;

    @Spec
    CommandSpec spec;

    @Option(names = "--quota", paramLabel = "NAME=VALUE", description = {"Set an IAM quota (repeatable), e.g. "
            + "--quota UsersPerAccount=10. Default: AWS's. Names: UsersPerAccount, GroupsPerAccount, RolesPerAccount, "
            + "AccessKeysPerUser, GroupsPerUser, TagsPerResource, UserPolicySize, GroupPolicySize, RolePolicySize, "
            + "PoliciesPerAccount, AttachedPoliciesPerEntity, VersionsPerPolicy, PolicySize, "
            + "InstanceProfilesPerAccount."})
    List<String> quotas = new ArrayList<>();

    @Option(names = "--self-check", description = {"Start, answer SigV4-signed calls made by this process with the "
            + "root key (IAM ListUsers, STS GetCallerIdentity), print one line per call, stop. Exit 0 when every "
            + "call was answered (an operation not implemented yet answers InvalidAction), 1 otherwise. Needs the "
            + "root secret: --ephemeral, or SIGIL_ROOT_ACCESS_KEY_ID and SIGIL_ROOT_SECRET_ACCESS_KEY.",
            "./sigil runs it once per build to record the classes a start loads (class-data sharing)."})
    boolean selfCheck;

    @Override
    public Integer call() throws Exception {
        EnforceMode mode;
        try {
            mode = EnforceMode.parse(enforce);
        } catch (IllegalArgumentException e) {
            System.err.println("sigil: --enforce takes on, audit or off");
            return 2;
        }
        Limits limits;
        try {
            limits = quotas(quotas);
        } catch (IllegalArgumentException e) {
            // spec is null when ServeArgs (the cold-start fast path) built this command instead of picocli
            java.io.PrintWriter err = spec != null ? spec.commandLine().getErr()
                    : new java.io.PrintWriter(System.err, true);
            err.println("sigil: --quota: " + e.getMessage());
            return 2;
        }
        Path dir = ephemeral ? dataDir : (dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".sigil"));
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        if (allowHttpLoopbackIdp) {
            env.put(SigilConfig.ENV_ALLOW_HTTP_LOOPBACK_IDP, "true");
        }
        SigilConfig config = new SigilConfig(bind, port, dir, db, mode, ephemeral, dev, HttpLimits.defaults(), env)
                .withQuotas(limits);
        SigilApp app = SigilApp.start(config);
        if (selfCheck) {
            return selfCheck(app);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("sigil: error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "sigil-shutdown"));
        System.out.println("Sigil listening on " + app.endpoint() + " (account " + app.accountId() + ", data in "
                + app.dataDir() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * AWS's default quotas with each {@code NAME=VALUE} applied in order.
     *
     * @throws IllegalArgumentException naming the bad entry and, for an unknown name, the valid ones
     */
    public static Limits quotas(List<String> settings) {
        Limits limits = Limits.AWS_DEFAULTS;
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected NAME=VALUE, got '" + setting + "'");
            }
            String name = setting.substring(0, eq).trim();
            String value = setting.substring(eq + 1).trim();
            if (!Limits.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown quota '" + name + "'; valid quotas: "
                        + String.join(", ", Limits.NAMES));
            }
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new IllegalArgumentException(name + " takes a whole number of at least 1, got '" + value + "'");
            }
            limits = limits.with(name, n);
        }
        return limits;
    }

    private static int selfCheck(SigilApp app) throws Exception {
        try (app) {
            boolean passed = true;
            for (SelfCheck.Call call : SelfCheck.run(app)) {
                System.out.println("self-check: " + call.service() + " " + call.action() + ": " + call.answer()
                        + (call.passed() ? "" : " (failed)"));
                passed &= call.passed();
            }
            return passed ? 0 : 1;
        } catch (IllegalStateException e) {
            System.err.println("sigil: --self-check: " + e.getMessage());
            return 2;
        }
    }
}
