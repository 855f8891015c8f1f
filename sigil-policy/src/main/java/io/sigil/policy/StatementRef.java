package io.sigil.policy;

/** Which statement of which policy: the policy's type and name, the statement's index, Sid, effect and span. */
public record StatementRef(PolicyType type, String policyName, int statementIndex, String sid, Effect effect,
                           SourceSpan span) {
    @Override
    public String toString() {
        String s = policyName + " Statement[" + statementIndex + "]";
        return sid == null || sid.isEmpty() ? s : s + " (Sid " + sid + ")";
    }
}
