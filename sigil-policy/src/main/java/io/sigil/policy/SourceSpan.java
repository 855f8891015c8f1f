package io.sigil.policy;

/**
 * Where an element sits in the submitted policy text: 1-based line and column of its first and last character
 * positions (end is exclusive), and its character offsets. The simulator reports these as
 * {@code StartPosition}/{@code EndPosition}; the validator as a finding's location.
 */
public record SourceSpan(int line, int column, int endLine, int endColumn, long startOffset, long endOffset) {
    public static final SourceSpan NONE = new SourceSpan(0, 0, 0, 0, -1, -1);
}
