package io.sigil.policy;

/** A statement whose action matched but which did not apply, and the first element that failed. */
public record NearMiss(StatementRef statement, String failure) {
    @Override
    public String toString() {
        return statement + ": " + failure;
    }
}
