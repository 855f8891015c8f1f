package io.sigil.bench.load;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.app.Bootstrap;
import io.sigil.server.app.SigilApp;
import io.sigil.server.app.SigilConfig;
import io.sigil.server.http.HttpLimits;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The signed-request load test of the server issue. Starts an ephemeral, enforcing Sigil in this JVM; creates an
 * IAM user {@code bench} whose inline policy allows iam:GetUser and iam:ListUsers, and 100 more users; then, with
 * the user's own key (so every call goes through the policy engine), runs for each connection count:
 * <ul>
 * <li>the floor: a bare Jetty handler that verifies SigV4 and returns a fixed body;</li>
 * <li>signed GetUser;</li>
 * <li>signed ListUsers (100+ users, one page).</li>
 * </ul>
 * Usage: {@code java -cp sigil-bench/target/benchmarks.jar io.sigil.bench.load.LoadGenerator [--client=jdk|raw]
 * [seconds] [connections...]}: the JDK's HTTP client (default) or a blocking raw socket per connection
 * ({@link RawExchange}), which leaves more of the two cores to the server. Each line also gives the process's CPU
 * time per request (client and server), which moves less than requests/s when the VM's neighbours do.
 *
 * <h2>Figures</h2>
 * 2-core VM, JDK 17, 10 s per line, nothing else running on the VM (its host still varies: the floor moved
 * between 11,000 and 32,000 req/s over ten minutes, so only ratios within one run compare). 2026-12-01, after issue
 * 4's work on the request path:
 * <pre>
 * raw client      floor req/s  p50 / p99        GetUser req/s  p50 / p99         ratio   ListUsers req/s  p99
 *  1 connection      20,270    0.04 / 0.20 ms      8,324       0.09 / 0.41 ms    0.41        1,229        2.1 ms
 *  8 connections     24,307    0.28 / 1.15 ms     17,508       0.37 / 1.81 ms    0.72        2,666       10.0 ms
 * 32 connections     31,883    0.68 / 4.32 ms     20,200       1.18 / 6.86 ms    0.63        2,574       48.1 ms
 * JDK client
 *  8 connections     10,055    0.69 / 3.11 ms      6,823       1.03 / 4.21 ms    0.68        1,994       12.0 ms
 * 32 connections      8,102    3.65 / 11.0 ms      6,694       4.39 / 13.5 ms    0.83        1,937       53.8 ms
 * </pre>
 * Before that work (380d892, with this generator copied in), run back to back with the code above at 32
 * connections and the raw client: GetUser at 0.21x its floor (p99 97 ms) against 0.52x (p99 19 ms), and 0.19x
 * against 0.60x in an earlier pair. With 32 connections and the client on the same two cores, a closed loop's mean
 * latency is 32 / throughput (Little's law): 1.6 ms at 20,000 req/s, and the p99 here is four to six times the
 * mean for the floor too, so a p99 of 5 ms needs nearly the floor's throughput. The JDK client's own CPU (one
 * selector thread per connection) takes most of the machine, which hides the server's cost: the raw client's
 * ratios are the ones to judge the server by.
 */
public final class LoadGenerator {
    static final String ROOT_KEY = "AKIABENCHROOT0000001";
    static final String ROOT_SECRET = "benchRootSecret00000000000000000000000000";

    static final String GET_USER = "Action=GetUser&Version=2010-05-08&UserName=bench";
    static final String LIST_USERS = "Action=ListUsers&Version=2010-05-08&MaxItems=1000";

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        LoadRun.Client client = LoadRun.Client.JDK;
        if (args.length > 0 && args[0].startsWith("--client=")) {
            client = LoadRun.Client.valueOf(args[0].substring("--client=".length()).toUpperCase(java.util.Locale.ROOT));
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] connections = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8, 32};
        Map<String, String> env = Map.of(Bootstrap.ENV_KEY_ID, ROOT_KEY, Bootstrap.ENV_SECRET, ROOT_SECRET,
                Bootstrap.ENV_ACCOUNT, "123456789012");
        SigilConfig config = new SigilConfig("127.0.0.1", 0, null, null, EnforceMode.ON, true, false,
                HttpLimits.defaults(), env);
        try (SigilApp app = SigilApp.start(config); Floor floor = new Floor(ROOT_KEY, ROOT_SECRET)) {
            URI sigil = URI.create(app.endpoint() + "/");
            String[] userKey = setUp(sigil);
            URI floorUri = URI.create("http://127.0.0.1:" + floor.port() + "/");
            String getUser = GET_USER;
            String listUsers = LIST_USERS;
            Duration d = Duration.ofSeconds(seconds);
            LoadRun.Client warming = client;
            warmUp(client, () -> {
                LoadRun.run(warming, "warm-up", floorUri, getUser, ROOT_KEY, ROOT_SECRET, 8, Duration.ofSeconds(1));
                LoadRun.run(warming, "warm-up", sigil, getUser, userKey[0], userKey[1], 8, Duration.ofSeconds(1));
                LoadRun.run(warming, "warm-up", sigil, listUsers, userKey[0], userKey[1], 8, Duration.ofSeconds(1));
            });
            for (int c : connections) {
                System.out.println("== " + c + " connections, " + seconds + " s each, " + client + " client");
                LoadRun.Result f = LoadRun.run(client, "floor (SigV4 + fixed body)", floorUri, getUser, ROOT_KEY, ROOT_SECRET, c, d);
                System.out.println(f);
                LoadRun.Result g = LoadRun.run(client, "signed GetUser", sigil, getUser, userKey[0], userKey[1], c, d);
                System.out.println(g + String.format("   = %.2f x floor", g.perSecond() / f.perSecond()));
                LoadRun.Result l = LoadRun.run(client, "signed ListUsers (101 users)", sigil, listUsers, userKey[0], userKey[1], c, d);
                System.out.println(l);
            }
        }
    }

    /** One round of warm-up calls. */
    interface Round {
        void run() throws Exception;
    }

    /**
     * Repeats the round until the JIT has settled, so that no line is measured while the compilers still take a
     * share of the two cores: until a round adds less than 50 ms of compilation time, or for 60 s at most. (With a
     * fixed 3 s, C2 still took a fifth of the CPU during the GetUser line.) Prints how long it took.
     */
    static void warmUp(LoadRun.Client client, Round round) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long before = jit.getTotalCompilationTime();
        int rounds = 0;
        while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            round.run();
            rounds++;
            long now = jit.getTotalCompilationTime();
            if (rounds > 1 && now - before < 50) {
                break;
            }
            before = now;
        }
        System.out.printf("warm-up (%s client): %d rounds, %.0f s, until a round compiled for < 50 ms%n", client,
                rounds, (System.nanoTime() - started) / 1e9);
    }

    /** Creates the users and the bench user's key and policy; returns the key id and secret. */
    static String[] setUp(URI endpoint) {
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY, ROOT_SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            iam.createUser(r -> r.userName("bench"));
            for (int i = 0; i < 100; i++) {
                int n = i;
                iam.createUser(r -> r.userName("user-" + n).path("/load/"));
            }
            iam.putUserPolicy(r -> r.userName("bench").policyName("read").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\","
                            + "\"iam:ListUsers\"],\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"iam:Delete*\","
                            + "\"Resource\":\"*\"}]}"));
            CreateAccessKeyResponse k = iam.createAccessKey(r -> r.userName("bench"));
            return new String[] {k.accessKey().accessKeyId(), k.accessKey().secretAccessKey()};
        }
    }
}
