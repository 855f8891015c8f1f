package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Date condition operators (IAM JSON policy elements: Condition operators, "Date condition operators"): values in
 * the W3C profile of ISO 8601 ({@code 2013-08-16}, {@code 2014-11-30T12:00Z}, {@code 2013-08-16T12:00:00Z}, with
 * fractions or offsets) or epoch seconds. No wildcards. Time without a zone is UTC.
 */
public final class DateOperators implements OperatorFamily {
    private static final Set<String> NAMES = Set.of("DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}(\\.\\d{1,9})?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

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
        if (s == null || s.isEmpty() || s.length() > 40) {
            return null;
        }
        long fast = fastUtc(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        if (EPOCH.matcher(s).matches()) {
            return new java.math.BigDecimal(s).movePointRight(3).longValue();
        }
        try {
            if (YEAR.matcher(s).matches()) {
                return LocalDate.of(Integer.parseInt(s), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (YEAR_MONTH.matcher(s).matches()) {
                return LocalDate.parse(s + "-01").atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (s.indexOf('T') < 0) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            char last = s.charAt(s.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || s.lastIndexOf('+') > s.indexOf('T')
                    || s.lastIndexOf('-') > s.indexOf('T');
            if (zoned) {
                return OffsetDateTime.parse(s.toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
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
