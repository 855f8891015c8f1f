package io.sigil.server.api;

import io.sigil.iam.sts.CallerPolicyGate;
import io.sigil.policy.Decision;
import io.sigil.policy.Outcome;
import io.sigil.server.metrics.Metrics;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a denial of the API call becomes under the server's enforcement mode (DESIGN.md, "Enforcement is on by
 * default"), kept in one place so that the Query API (ApiDispatcher) and the REST-JSON operations
 * (io.sigil.server.rest) count, record and refuse a denial alike: every denial is counted by operation and kind;
 * {@code ON} refuses the call; {@code AUDIT} lets it go on and gives the audit record the would-be denial with the
 * engine's explanation; {@code OFF} does not authorise the call at all.
 */
public final class EnforcementGate {
    private final EnforceMode mode;
    private final Metrics metrics;

    public EnforcementGate(EnforceMode mode, Metrics metrics) {
        this.mode = mode;
        this.metrics = metrics;
    }

    /** Whether the API call is authorised at all; off, the caller skips the check. */
    public boolean checks() {
        return mode != EnforceMode.OFF;
    }

    /**
     * A denied call, after {@link #checks()}: counted; enforcing, the refusal built from the message is thrown;
     * in audit mode, returns the text for the audit event's denial and the call goes on.
     *
     * @param operation the operation's name, as metrics label it
     * @param message   the AccessDenied message AWS would answer
     * @param refusal   the protocol's AccessDenied error carrying that message
     */
    public String deny(String operation, Decision d, String message,
                       Function<String, ? extends RuntimeException> refusal) {
        count(operation, d);
        if (mode != EnforceMode.AUDIT) {
            throw refusal.apply(message);
        }
        return auditText(message, d);
    }

    /**
     * The mode for authorisation done inside an operation (AssumeRole's caller-side check): on, the AccessDenied
     * stands; audit, the would-be denial is counted and handed to {@code denial} like a denial of the call itself,
     * and the call goes on; off, it is ignored.
     */
    public CallerPolicyGate callerPolicies(String operation, Consumer<String> denial) {
        return switch (mode) {
            case ON -> CallerPolicyGate.ENFORCE;
            case OFF -> (refused, d) -> { };
            case AUDIT -> (refused, d) -> {
                count(operation, d);
                denial.accept(auditText(refused.safeMessage(), d));
            };
        };
    }

    private void count(String operation, Decision d) {
        metrics.denial(operation, d.outcome() == Outcome.EXPLICIT_DENY ? "explicit" : "implicit");
    }

    /** The audit event's denial: the message the client would have had, then why (CloudTrail has no such field). */
    private static String auditText(String message, Decision d) {
        return message + "\n" + d.explain();
    }
}
