package io.sigil.policy.internal.validation;

/** {@code *} and {@code ?} matching for the validator's redundancy checks (not on the evaluation path). */
final class Wildcards {
    private Wildcards() {}

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** Case folding per character, without copying the strings: this runs for every action of a service. */
    static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = pattern;
        String t = text;
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || same(p.charAt(pi), t.charAt(ti), ignoreCase))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
