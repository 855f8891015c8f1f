package io.sigil.policy.internal;

import java.util.Locale;

/**
 * A wildcard pattern: {@code *} matches any run of characters, {@code ?} exactly one. Which characters are
 * wildcards is kept in a mask, because a policy variable's value and the escapes {@code ${*}} and {@code ${?}}
 * are literal text even when they contain those characters (IAM policy elements: Variables, "Special characters").
 * Matching is the classic two-pointer walk with one backtrack point: linear for typical patterns, never
 * recursive, never a regular expression.
 */
public final class Glob {
    private enum Kind { ANY, EXACT, PREFIX, GENERAL }

    private final char[] p;
    private final boolean[] wild;
    private final Kind kind;
    private final String literal;
    /** Positions of the first five literal colons, or null when there are fewer: then this is no ARN pattern. */
    private final int[] arnColons;

    private Glob(char[] p, boolean[] wild) {
        this.p = p;
        this.wild = wild;
        int[] pc = new int[5];
        int n = 0;
        for (int i = 0; i < p.length && n < 5; i++) {
            if (p[i] == ':' && !wild[i]) {
                pc[n++] = i;
            }
        }
        this.arnColons = n == 5 ? pc : null;
        int wildcards = 0;
        int firstWild = -1;
        for (int i = 0; i < p.length; i++) {
            if (wild[i]) {
                wildcards++;
                if (firstWild < 0) {
                    firstWild = i;
                }
            }
        }
        if (wildcards == 0) {
            kind = Kind.EXACT;
            literal = new String(p);
        } else if (wildcards == 1 && firstWild == p.length - 1 && p[firstWild] == '*') {
            kind = p.length == 1 ? Kind.ANY : Kind.PREFIX;
            literal = new String(p, 0, p.length - 1);
        } else {
            kind = Kind.GENERAL;
            literal = null;
        }
    }

    /** A pattern where every {@code *} and {@code ?} is a wildcard. */
    public static Glob of(String pattern) {
        char[] p = pattern.toCharArray();
        boolean[] w = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            w[i] = p[i] == '*' || p[i] == '?';
        }
        return new Glob(p, w);
    }

    /** A pattern from characters and their wildcard mask (from a resolved {@link Template}). */
    public static Glob of(char[] p, boolean[] wild) {
        return new Glob(p, wild);
    }

    /** A pattern with no wildcards at all. */
    public static Glob literal(String text) {
        return new Glob(text.toCharArray(), new boolean[text.length()]);
    }

    public Glob lowerCase() {
        return new Glob(new String(p).toLowerCase(Locale.ROOT).toCharArray(), wild.clone());
    }

    public boolean isAny() {
        return kind == Kind.ANY;
    }

    public boolean hasWildcards() {
        return kind != Kind.EXACT;
    }

    /** The literal characters before the first wildcard. */
    public String literalPrefix() {
        int i = 0;
        while (i < p.length && !wild[i]) {
            i++;
        }
        return new String(p, 0, i);
    }

    public String text() {
        return new String(p);
    }

    public boolean matches(String s) {
        switch (kind) {
            case ANY:
                return true;
            case EXACT:
                return literal.equals(s);
            case PREFIX:
                return s.startsWith(literal);
            default:
                return matches(0, p.length, s, 0, s.length());
        }
    }

    /** Matches the pattern range [pStart, pEnd) against the subject range [sStart, sEnd). */
    boolean matches(int pStart, int pEnd, String s, int sStart, int sEnd) {
        int pi = pStart;
        int si = sStart;
        int starP = -1;
        int starS = -1;
        while (si < sEnd) {
            if (pi < pEnd && wild[pi] && p[pi] == '*') {
                starP = pi++;
                starS = si;
            } else if (pi < pEnd && (wild[pi] ? p[pi] == '?' : p[pi] == s.charAt(si))) {
                pi++;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < pEnd && wild[pi] && p[pi] == '*') {
            pi++;
        }
        return pi == pEnd;
    }

    /**
     * Matches as an ARN (IAM User Guide, Resource element; Condition operators, "Amazon Resource Name (ARN)
     * condition operators": "Each of the six colon-delimited components of the ARN is checked separately"). The
     * first five components are matched one by one, so a wildcard never crosses their colons; the sixth, the
     * resource, may itself hold {@code :} and {@code /}, and a wildcard there spans them
     * ({@code arn:aws:s3:::bucket/*} covers {@code bucket/a:b/c}). The pattern {@code "*"} matches anything. Any
     * other pattern with fewer than five literal colons is no ARN and matches nothing: read as one string, its
     * wildcards would cross component boundaries ({@code arn:aws:s3*::b} would cover
     * {@code arn:aws:s3:us-east-1::b}).
     */
    public boolean matchesArn(String s) {
        if (kind == Kind.ANY) {
            return true;
        }
        int[] pc = arnColons;
        if (pc == null) {
            return false;
        }
        if (kind == Kind.EXACT) {
            return literal.equals(s);
        }
        int pFrom = 0;
        int sFrom = 0;
        for (int c = 0; c < 5; c++) {
            int sColon = s.indexOf(':', sFrom);
            if (sColon < 0) {
                return false;
            }
            if (!matches(pFrom, pc[c], s, sFrom, sColon)) {
                return false;
            }
            pFrom = pc[c] + 1;
            sFrom = sColon + 1;
        }
        return matches(pFrom, p.length, s, sFrom, s.length());
    }

    @Override
    public String toString() {
        return text();
    }
}
