package io.sigil.policy.conformance;

import io.sigil.policy.Decision;
import io.sigil.policy.PolicyEngine;

/** Runs conformance cases through the engine. */
public final class CaseRunner {
    private final PolicyEngine engine = new PolicyEngine();

    /** A case's decision and whether it is what the case expects (true when it expects nothing). */
    public record Result(ConformanceCase testCase, Decision decision) {
        public boolean passed() {
            return testCase.expect() == null || testCase.expect() == decision.outcome();
        }
    }

    public Result run(ConformanceCase c) {
        return new Result(c, engine.explain(c.request(), c.policies()));
    }
}
