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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server-side cost of one signed call without the sockets: the same {@link HttpCall} (a SigV4-signed Query POST
 * by the IAM user of {@link LoadGenerator}, whose inline policy the engine evaluates) handed straight to the
 * Query API of an ephemeral, enforcing Sigil ({@code getUser}, {@code listUsers} over 101 users), and, in the same
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
        floorCall = call(endpoint, LoadGenerator.GET_USER, LoadGenerator.ROOT_KEY, LoadGenerator.ROOT_SECRET);
        for (HttpCall c : List.of(getUser, listUsers)) {
            HttpReply r = sigil.handle(c);
            if (r.status() != 200) {
                throw new IllegalStateException("set-up call failed: " + r.status() + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
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
}
