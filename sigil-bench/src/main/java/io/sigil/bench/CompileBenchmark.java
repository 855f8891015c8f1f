package io.sigil.bench;

import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.Policy;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Parse + validate + compile of a 6 KB identity policy (the managed-policy size quota is 6,144 characters), the
 * work done once when a policy is stored. Same run: parse alone, for scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {
    private String text;

    @Setup
    public void setUp() {
        text = SixKbPolicy.text();
    }

    @Benchmark
    public void parseValidateCompile(Blackhole bh) {
        ValidationReport r = PolicyValidator.validate(text, PolicyType.IDENTITY);
        bh.consume(r);
        Policy p = PolicyParser.parseOrThrow(text);
        bh.consume(CompiledPolicy.compile(p, "six-kb", PolicyType.IDENTITY));
    }

    @Benchmark
    public Policy parseOnly() {
        return PolicyParser.parseOrThrow(text);
    }
}
