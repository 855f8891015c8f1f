package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date condition operators (IAM JSON policy elements: Condition operators, "Date condition operators"): "You must
 * specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX)
 * time." No wildcards, no policy variables.
 * <p>
 * Accepted forms, all compared as instants to the millisecond:
 * <ul>
 * <li>epoch seconds, optionally negative and fractional: {@code 1577836800}, {@code 1577836800.25}. A bare
 *     integer is always epoch seconds, so W3C's year-only form {@code 2020} reads as 2020 seconds after the epoch:
 *     the two are indistinguishable, and {@code aws:EpochTime} values are integers;</li>
 * <li>the W3C profile (www.w3.org/TR/NOTE-datetime): {@code YYYY-MM}, {@code YYYY-MM-DD},
 *     {@code YYYY-MM-DDThh:mmTZD}, {@code YYYY-MM-DDThh:mm:ssTZD}, {@code YYYY-MM-DDThh:mm:ss.sTZD}, where TZD is
 *     {@code Z} or {@code +hh:mm}/{@code -hh:mm}, {@code T} and {@code Z} upper case. A time without TZD (which
 *     the profile does not define) is read as UTC, AWS's own zone.</li>
 * </ul>
 * Anything else (a space for {@code T}, {@code +0100}, two-digit years, 24:00, leap seconds) is no date.
 */
public final class DateOperators implements OperatorFamily {
    private static final Set<String> NAMES = Set.of("DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals");
    private static final int MAX_LENGTH = 40;
    private static final Pattern EPOCH = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,9})?");
    private static final Pattern W3C = Pattern.compile(
            "([0-9]{4})-([0-9]{2})(?:-([0-9]{2})"
            + "(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?");

    @Override
    public String typeName() {
        return "Date";
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public boolean isNegated(String base) {
        return base.equals("DateNotEquals");
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue {
        Long v = parseMillis(policyValue);
        if (v == null) {
            throw new InvalidPolicyValue("'" + policyValue + "' is not a date");
        }
        return new DateTest(v, Comparison.of(base.substring("Date".length())), policyValue);
    }

    /** Milliseconds since the epoch, or null when the text is no date IAM reads. */
    public static Long parseMillis(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
            return null;
        }
        long fast = fastUtc(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        if (EPOCH.matcher(s).matches()) {
            return new BigDecimal(s).movePointRight(3).longValue();
        }
        Matcher m = W3C.matcher(s);
        return m.matches() ? w3cMillis(m) : null;
    }

    private static Long w3cMillis(Matcher m) {
        try {
            LocalDateTime t = LocalDateTime.of(num(m.group(1), 0), num(m.group(2), 0), num(m.group(3), 1),
                    num(m.group(4), 0), num(m.group(5), 0), num(m.group(6), 0), nanos(m.group(7)));
            return t.toInstant(offset(m.group(8))).toEpochMilli();
        } catch (DateTimeException e) {
            return null; // month 13, February 30, hour 24, offset beyond 18 hours, ...
        }
    }

    private static int num(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        StringBuilder nine = new StringBuilder(fraction);
        while (nine.length() < 9) {
            nine.append('0');
        }
        return Integer.parseInt(nine.toString());
    }

    private static ZoneOffset offset(String tzd) {
        if (tzd == null || tzd.equals("Z")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.of(tzd);
    }

    /**
     * The common form {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]Z} read without java.time, because request clocks
     * (aws:CurrentTime, aws:TokenIssueTime) are read on every evaluation; {@code Long.MIN_VALUE} when the text is
     * in another form (the general parser then decides).
     */
    static long fastUtc(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = 0;
        int millis = 0;
        int i = 16;
        if (i < n - 1) {
            if (s.charAt(i) != ':') {
                return Long.MIN_VALUE;
            }
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < n - 1) {
                if (s.charAt(i) != '.' || n - 1 - (i + 1) < 1 || n - 1 - (i + 1) > 9) {
                    return Long.MIN_VALUE;
                }
                int frac = digits(s, i + 1, Math.min(3, n - 1 - (i + 1)));
                for (int k = n - 1 - (i + 1); k < 3; k++) {
                    frac *= 10;
                }
                if (digits(s, i + 1, n - 1 - (i + 1)) < 0) {
                    return Long.MIN_VALUE;
                }
                millis = frac;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return Long.MIN_VALUE;
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int y, int m) {
        if (m == 2) {
            return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
        }
        return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private record DateTest(long millis, Comparison cmp, String text) implements ValueTest {
        public boolean test(String r, Variables vars) {
            Long x = parseMillis(r);
            return x != null && cmp.holds(Long.compare(x, millis));
        }

        public String describe() {
            return text;
        }
    }
}
