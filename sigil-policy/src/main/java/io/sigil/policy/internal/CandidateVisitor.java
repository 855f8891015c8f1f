package io.sigil.policy.internal;

/** Receives candidate statements from the index; returning false stops the walk. */
@FunctionalInterface
public interface CandidateVisitor {
    boolean visit(CompiledStatement s);
}
