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
