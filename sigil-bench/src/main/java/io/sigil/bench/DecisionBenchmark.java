package io.sigil.bench;

import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.Decision;
import io.sigil.policy.Outcome;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicySet;
import io.sigil.policy.RequestContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decision latency for a user's identity policies of 50, 500 and 5,000 statements (seeded, realistic mix), over
 * 1,024 different requests in turn. Same run, same compiled statements: {@code indexed} is the engine,
 * {@code linearScan} tests every statement in turn. Run with
 * {@code java -jar sigil-bench/target/benchmarks.jar DecisionBenchmark}; SampleTime mode reports p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {
    @Param({"50", "500", "5000"})
    public int statements;

    private final PolicyEngine engine = new PolicyEngine();
    private PolicySet set;
    private LinearScan linear;
    private RequestContext[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PolicyGenerator gen = new PolicyGenerator(42);
        List<CompiledPolicy> policies = gen.identityPolicies(statements);
        set = PolicySet.identityOnly(policies);
        linear = new LinearScan(set);
        requests = gen.requests(1024).toArray(new RequestContext[0]);
        for (RequestContext r : requests) {
            engine.evaluate(r, set); // fill the per-action cache, as a running server would have
        }
    }

    @Benchmark
    public Decision indexed() {
        return engine.evaluate(requests[next++ & 1023], set);
    }

    @Benchmark
    public Outcome linearScan() {
        return linear.evaluate(requests[next++ & 1023]);
    }
}
