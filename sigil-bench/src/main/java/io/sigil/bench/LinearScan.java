package io.sigil.bench;

import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.Effect;
import io.sigil.policy.Outcome;
import io.sigil.policy.PolicySet;
import io.sigil.policy.RequestContext;
import io.sigil.policy.internal.CompiledStatement;
import io.sigil.policy.internal.EvalContext;

import java.util.List;
import java.util.Locale;

/**
 * The comparison for the index: identity-policy evaluation by testing every statement in turn, with the same
 * compiled statements (patterns and conditions precompiled too), so the difference measured is the index alone.
 */
public final class LinearScan {
    private final List<CompiledStatement> statements;

    public LinearScan(PolicySet set) {
        this.statements = set.groups().identity().statements();
    }

    public LinearScan(List<CompiledPolicy> policies) {
        this(PolicySet.identityOnly(policies));
    }

    public Outcome evaluate(RequestContext request) {
        EvalContext ctx = new EvalContext(request);
        String action = request.action().toLowerCase(Locale.ROOT);
        boolean allow = false;
        for (CompiledStatement s : statements) {
            if (s.effect() != null && s.matchesAction(action) && s.matchesResource(request.resource(), ctx)
                    && s.conditionsHold(ctx)) {
                if (s.effect() == Effect.DENY) {
                    return Outcome.EXPLICIT_DENY;
                }
                allow = true;
            }
        }
        return allow ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
    }
}
