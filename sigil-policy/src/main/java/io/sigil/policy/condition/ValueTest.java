package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

/** One policy value compiled for its operator: does one request value match it? */
public interface ValueTest {
    boolean test(String requestValue, Variables vars);

    /** The policy value as written, for explanations. */
    String describe();
}
