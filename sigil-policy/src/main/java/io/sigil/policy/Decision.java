package io.sigil.policy;

import java.util.List;
import java.util.function.Supplier;

/**
 * The result of evaluating one request. {@code decidedBy} names the policy type that decided: for an explicit
 * deny the type holding the Deny; for an implicit deny the type that lacked an Allow; for an allow the type that
 * granted it (null for an account root acting in its own account). {@code statements} are the deciding
 * statements; {@link #nearMisses()} (implicit deny only) the statements whose action matched and what stopped them,
 * worked out only when asked for: a server answering AccessDenied does not need them, the simulator does.
 */
public record Decision(Outcome outcome, PolicyType decidedBy, List<StatementRef> statements,
                       Supplier<List<NearMiss>> nearMissSource) {
    public Decision {
        statements = List.copyOf(statements);
        nearMissSource = memoize(nearMissSource);
    }

    public Decision(Outcome outcome, PolicyType decidedBy, List<StatementRef> statements, List<NearMiss> nearMisses) {
        this(outcome, decidedBy, statements, () -> List.copyOf(nearMisses));
    }

    public List<NearMiss> nearMisses() {
        return nearMissSource.get();
    }

    private static Supplier<List<NearMiss>> memoize(Supplier<List<NearMiss>> s) {
        return new Supplier<>() {
            private volatile List<NearMiss> value;

            @Override
            public List<NearMiss> get() {
                List<NearMiss> v = value;
                if (v == null) {
                    v = List.copyOf(s.get());
                    value = v;
                }
                return v;
            }
        };
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * The tail of AWS's AccessDenied message (IAM User Guide, "Access denied error messages"), e.g.
     * "because no identity-based policy allows the s3:GetObject action" or
     * "with an explicit deny in a service control policy"; empty for an allow.
     */
    public String awsReason(String action) {
        if (outcome == Outcome.ALLOW || decidedBy == null) {
            return "";
        }
        String phrase = decidedBy.phrase();
        if (outcome == Outcome.EXPLICIT_DENY) {
            return "with an explicit deny in " + article(phrase) + " " + phrase;
        }
        return "because no " + phrase + " allows the " + action + " action";
    }

    private static String article(String phrase) {
        return "aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an" : "a";
    }

    /** A human-readable multi-line explanation. */
    public String explain() {
        StringBuilder sb = new StringBuilder(outcome.name());
        if (decidedBy != null) {
            sb.append(" (").append(decidedBy.phrase()).append(')');
        }
        for (StatementRef s : statements) {
            sb.append("\n  decided by ").append(s).append(' ').append(s.effect() == null ? "" : s.effect().wire());
        }
        for (NearMiss m : nearMisses()) {
            sb.append("\n  near miss ").append(m);
        }
        return sb.toString();
    }
}
