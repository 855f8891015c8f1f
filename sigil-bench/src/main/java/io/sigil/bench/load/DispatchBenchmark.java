package io.sigil.bench.load;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.app.Bootstrap;
import io.sigil.server.app.SigilApp;
import io.sigil.server.app.SigilConfig;
import io.sigil.server.http.ApiEndpoint;
import io.sigil.server.http.HttpCall;
import io.sigil.server.http.HttpLimits;
import io.sigil.server.http.HttpReply;
import io.sigil.server.sigv4.Header;
import io.sigil.server.sigv4.Headers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server-side cost of one signed call without the sockets: the same {@link HttpCall} (a SigV4-signed Query POST
 * by the IAM user of {@link LoadGenerator}, whose inline policy the engine evaluates) handed straight to the
 * Query API of an ephemeral, enforcing Sigil ({@code getUser}, {@code listUsers} over 101 users, {@code listRoles} over
 * 100 roles whose trust policies name that user, by the account root), and, in the same
 * run, to the load test's floor handler, which only verifies SigV4 and answers a fixed body ({@code floor}). The
 * difference is what decoding, authorisation, storage, encoding, audit and metrics add to a call. Run with
 * {@code java -jar sigil-bench/target/benchmarks.jar DispatchBenchmark} (add {@code -prof gc} for bytes per call).
 *
 * <h2>Figures</h2>
 * 2-core VM, JDK 17, 5 iterations of 2 s after 3 of warm-up, {@code -prof gc}; "before" is the code of 380d892 with
 * this benchmark copied in, run back to back with "after" (this session's code); the shared VM's load was 3-5.
 * <pre>
 *                      floor           getUser                listUsers (101 users)
 * before (380d892)     7.2 us, 9.7 KB  118.0 us, 48.2 KB      842 us, 344 KB
 * after                9.2 us, 9.6 KB   17.7 us, 23.4 KB      495 us, 282 KB
 * </pre>
 * What made the difference, from JFR profiles of {@code getUser}: SQLite statements compiled anew for every query
 * (half of a read; now kept per connection), the named user read twice (for authorisation, then by the handler;
 * now once, from a cache dropped on every change), a read transaction for authorisation where the rule needed
 * nothing but that user, and copies and regular expressions on the request path (metrics labels, the request
 * context's key map, the audit identity's key-id check).
 *
 * <p>Issue 4, tenth session: the store's listings stopped reading tags that the listing operations do not answer
 * (ListUsers, ListRoles, GetGroup, ListPolicies), and ListRoles renders a page's trust policies with one read of
 * their bindings and one lookup per bound principal instead of a read per role. Same settings, the three builds in
 * turn, two rounds ("base" is bee8bd6 and "tags" 14da424, each with this benchmark copied in):
 * <pre>
 *               listUsers (101 users)              listRoles (100 roles)
 * base          314 / 345 us, 235 / 233 KB          1948 / 1849 us, 1,087 / 1,089 KB
 * tags          305 / 272 us, 220 / 219 KB          2209 / 2230 us, 1,071 / 1,071 KB
 * after         305 / 360 us, 217 / 219 KB           986 / 1076 us,   648 /   680 KB
 * </pre>
 * An earlier pair of runs of listUsers alone: 267 and 343 us after, 374 and 399 before (bee8bd6). The time per call
 * varies with the VM's phase by more than the change; the bytes per call do not.
 *
 * <p>Issue 4, eleventh session (as ColdStart counts them): fewer bytes per call, for the load test's young
 * collections (a pause every ~100 ms under load, which every request in flight waits out). From async-profiler's
 * allocation profile of {@code getUser} (no site above 4% of its bytes): the Query XML written as UTF-8 straight into
 * one byte array instead of a StringBuilder copied twice into bytes; the canonical request hashed part by part
 * instead of concatenated first; header values copied only when they need trimming; the ISO text of the current
 * second kept for aws:CurrentTime and the audit event's time; header lookups by lower-case names; the global
 * condition keys' lower-case names looked up instead of made; SigV4's hex digits as bytes. The audit writer also
 * encodes its JSON as UTF-8 into a 64 KB buffer (it went through a character encoder and an 8 KB buffer). Same
 * settings, 4 warm-up iterations and 6 of 1 s, "base" a2b81f9 (the session's start) and "after" run in turn, two
 * rounds:
 * <pre>
 *            floor                        getUser                        listUsers (101 users)
 * base       3.83 / 4.09 us, 7.96 KB      10.12 / 14.33 us, 21.8 KB      235 / 178 us, 224 / 219 KB
 * after      3.57 / 3.51 us, 6.30 KB       8.91 / 11.36 us, 17.3 KB      180 / 175 us, 192 KB
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
    private SigilApp app;
    private ApiEndpoint sigil;
    private ApiEndpoint floor;
    private HttpCall getUser;
    private HttpCall listUsers;
    private HttpCall listRoles;
    private HttpCall floorCall;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Map<String, String> env = Map.of(Bootstrap.ENV_KEY_ID, LoadGenerator.ROOT_KEY, Bootstrap.ENV_SECRET,
                LoadGenerator.ROOT_SECRET, Bootstrap.ENV_ACCOUNT, "123456789012");
        app = SigilApp.start(new SigilConfig("127.0.0.1", 0, null, null, EnforceMode.ON, true, false,
                HttpLimits.defaults(), env));
        URI endpoint = URI.create(app.endpoint() + "/");
        String[] key = LoadGenerator.setUp(endpoint);
        sigil = app.queryApi();
        floor = Floor.endpoint(LoadGenerator.ROOT_KEY, LoadGenerator.ROOT_SECRET);
        getUser = call(endpoint, LoadGenerator.GET_USER, key[0], key[1]);
        listUsers = call(endpoint, LoadGenerator.LIST_USERS, key[0], key[1]);
        createRoles(endpoint);
        listRoles = call(endpoint, LIST_ROLES, LoadGenerator.ROOT_KEY, LoadGenerator.ROOT_SECRET);
        floorCall = call(endpoint, LoadGenerator.GET_USER, LoadGenerator.ROOT_KEY, LoadGenerator.ROOT_SECRET);
        for (HttpCall c : List.of(getUser, listUsers, listRoles)) {
            HttpReply r = sigil.handle(c);
            if (r.status() != 200) {
                throw new IllegalStateException("set-up call failed: " + r.status() + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
        }
    }

    static final String LIST_ROLES = "Action=ListRoles&Version=2010-05-08&MaxItems=1000";

    /**
     * 100 roles whose trust policies name the IAM user "bench" by ARN, so that ListRoles renders each with its bound
     * principal as it is now (spec §10 F62).
     */
    private static void createRoles(URI endpoint) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:user/bench\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient iam = LoadGenerator.rootClient(endpoint)) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                iam.createRole(r -> r.roleName("role-" + n).path("/load/").assumeRolePolicyDocument(trust));
            }
        }
    }

    private static HttpCall call(URI endpoint, String body, String keyId, String secret) {
        List<Header> fields = new ArrayList<>();
        Signer.sign(endpoint, body, keyId, secret).forEach((name, values) ->
                values.forEach(v -> fields.add(new Header(name, v))));
        fields.add(new Header("User-Agent", "sigil-bench"));
        return new HttpCall("POST", "/", "", Headers.of(fields), body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", false);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        app.close();
    }

    @Benchmark
    public HttpReply floor() {
        return floor.handle(floorCall);
    }

    @Benchmark
    public HttpReply getUser() {
        return sigil.handle(getUser);
    }

    @Benchmark
    public HttpReply listUsers() {
        return sigil.handle(listUsers);
    }

    /** ListRoles over 100 roles, by the account root (the bench user's policy allows only GetUser and ListUsers). */
    @Benchmark
    public HttpReply listRoles() {
        return sigil.handle(listRoles);
    }
}
