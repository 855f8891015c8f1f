package io.sigil.policy.internal.validation;

import java.math.BigInteger;
import java.util.Locale;

/**
 * What IAM's legacy parser accepts as a Date condition value; anything else fails with "The policy failed legacy
 * parsing". Either epoch seconds (a non-negative integer below 2^63) or a loose ISO 8601 form: year (optionally
 * negative), month 1-12, day 1-31, 'T', hour 0-23, minute 0-59, second 0-59 with up to nine fraction digits, and a
 * 'Z' or '+hh[:mm]' zone. Ranges as observed against IAM and recorded by moto's validator.
 */
final class LegacyDates {
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private LegacyDates() {}

    static boolean accepts(String value) {
        try {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.contains("t") || v.contains("-")) {
                return iso(v);
            }
            BigInteger n = new BigInteger(v);
            return n.signum() >= 0 && n.compareTo(MAX) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean iso(String v) {
        int t = v.indexOf('t');
        String date = t < 0 ? v : v.substring(0, t);
        String time = t < 0 ? "" : v.substring(t + 1);
        boolean negative = date.startsWith("-");
        String[] d = (negative ? date.substring(1) : date).split("-", -1);
        if (d.length > 3) {
            return false;
        }
        long year = Long.parseLong((negative ? "-" : "") + d[0]);
        if (year < -292275054L || year > 292278993L) {
            return false;
        }
        if (d.length > 1 && !in(d[1], 1, 12) || d.length > 2 && !in(d[2], 1, 31)) {
            return false;
        }
        return time(time);
    }

    private static boolean time(String time) {
        String[] p = time.split(":", 3);
        if (!p[0].isEmpty() && !in(p[0], 0, 23)) {
            return false;
        }
        if (p.length > 1 && !in(p[1], 0, 59)) {
            return false;
        }
        if (p.length < 3) {
            return true;
        }
        String sec = p[2];
        int z = sec.indexOf('z');
        int plus = sec.indexOf('+');
        if (z >= 0) {
            if (z != sec.length() - 1) {
                return false;
            }
            sec = sec.substring(0, z);
        } else if (plus >= 0) {
            if (!zone(sec.substring(plus + 1))) {
                return false;
            }
            sec = sec.substring(0, plus);
        }
        int dot = sec.indexOf('.');
        if (dot >= 0 && !in(sec.substring(dot + 1), 0, 999_999_999)) {
            return false;
        }
        return in(dot >= 0 ? sec.substring(0, dot) : sec, 0, 59);
    }

    private static boolean zone(String z) {
        String[] hm = z.split(":", 2);
        return hm[0].length() == 2 && in(hm[0], 0, 23) && (hm.length < 2 || hm[1].length() == 2 && in(hm[1], 0, 59));
    }

    private static boolean in(String digits, long min, long max) {
        long n = Long.parseLong(digits);
        return n >= min && n <= max;
    }
}
