package io.sigil.policy.condition;

/** A policy value its operator cannot read (a number that is not a number, a malformed CIDR, ...). */
public final class InvalidPolicyValue extends Exception {
    public InvalidPolicyValue(String message) {
        super(message, null, false, false);
    }
}
