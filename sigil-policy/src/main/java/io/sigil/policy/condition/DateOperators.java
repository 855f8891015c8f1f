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
