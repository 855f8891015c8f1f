package io.sigil.policy;

/**
 * The outcome of reading a policy: the policy (null when the text is not a JSON object), and the syntax error
 * that stopped reading, if any.
 */
public record ParseResult(Policy policy, Finding syntaxError) {
    public boolean ok() {
        return policy != null;
    }
}
