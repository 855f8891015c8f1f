package io.sigil.policy.internal.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Condition values against their operator (IAM JSON policy elements: Condition operators), as Access Analyzer
 * checks them: Boolean and Null values are true or false, numbers parse, dates are W3C ISO 8601 (epoch seconds
 * work but are discouraged), IP values are CIDR blocks without host bits, Binary values are base64, variables only
 * in String and ARN operators, wildcards only with Like operators. IAM stores all of these (apart from unreadable
 * dates, see {@link LegacyDates}), so they are warnings and suggestions.
 */
final class ValueChecks {
    private ValueChecks() {}

    static void check(Context ctx, OperatorName op, Item key, List<Item> values) {
        boolean stringLike = op.family() == OperatorName.Family.STRING || op.family() == OperatorName.Family.ARN;
        for (Item v : values) {
            if (v.value().contains("${")) {
                if (stringLike) {
                    VariableChecks.check(ctx, v, true);
                } else {
                    ctx.add(Issue.INVALID_VARIABLE_FOR_OPERATOR, v.path(), v.span());
                }
                continue;
            }
            one(ctx, op, v);
        }
        switch (op.family()) {
            case BOOL:
                multipleBooleans(ctx, key, values);
                break;
            case NUMERIC:
                redundantNumbers(ctx, op, key, values);
                break;
            case IP_ADDRESS:
                privateRanges(ctx, op, key, values);
                break;
            default:
                break;
        }
    }

    private static void one(Context ctx, OperatorName op, Item v) {
        String s = v.value();
        switch (op.family()) {
            case BOOL:
            case NULL:
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    ctx.add(Issue.TYPE_MISMATCH_BOOLEAN, v.path(), v.span(), op.text());
                }
                break;
            case NUMERIC:
                if (number(s) == null) {
                    ctx.add(Issue.TYPE_MISMATCH_NUMBER, v.path(), v.span(), op.text());
                }
                break;
            case DATE:
                date(ctx, v);
                break;
            case IP_ADDRESS:
                IpRanges.Range r = IpRanges.parse(s);
                if (r == null) {
                    ctx.add(Issue.TYPE_MISMATCH_IP_RANGE, v.path(), v.span(), op.text(), s);
                } else if (r.hostBitsSet()) {
                    ctx.add(Issue.IMPROVE_IP_RANGE, v.path(), v.span(), s, r.networkText());
                }
                break;
            case BINARY:
                try {
                    Base64.getDecoder().decode(s);
                } catch (IllegalArgumentException e) {
                    ctx.add(Issue.TYPE_MISMATCH_STRING, v.path(), v.span(), op.text());
                }
                break;
            case STRING:
                if (!op.like() && Wildcards.hasWildcard(s)) {
                    ctx.add(Issue.WILDCARD_WITHOUT_LIKE_OPERATOR, v.path(), v.span());
                }
                break;
            default:
                break;
        }
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Unreadable dates are IAM errors already (legacy parsing); epoch seconds are legal but discouraged. */
    private static void date(Context ctx, Item v) {
        String s = v.value();
        if (!LegacyDates.accepts(s)) {
            return;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            ctx.add(Issue.INVALID_DATE_VALUE, v.path(), v.span(), s);
        } else if (!iso8601(s)) {
            ctx.add(Issue.TYPE_MISMATCH_DATE, v.path(), v.span(), s);
        }
    }

    /** The W3C profile of ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, and date-times with an optional zone. */
    private static boolean iso8601(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        List<Function<String, Object>> parsers = List.of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse,
                YearMonth::parse, Year::parse, t -> OffsetDateTime.parse(t.replaceFirst("T(\\d\\d:\\d\\d)([Z+-])",
                        "T$1:00$2")));
        for (Function<String, Object> p : parsers) {
            try {
                p.apply(u);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    private static void multipleBooleans(Context ctx, Item key, List<Item> values) {
        Set<String> distinct = new HashSet<>();
        values.forEach(v -> distinct.add(v.value().toLowerCase(Locale.ROOT)));
        if (distinct.size() > 1) {
            ctx.add(Issue.INVALID_CONDITION_MULTIPLE_BOOLEAN, key.path(), key.span(), key.value());
        }
    }

    /** Access Analyzer "Redundant condition value num": for LessThan only the greatest value counts, and so on. */
    private static void redundantNumbers(Context ctx, OperatorName op, Item key, List<Item> values) {
        boolean less = op.base().startsWith("NumericLessThan");
        boolean greater = op.base().startsWith("NumericGreaterThan");
        if ((!less && !greater) || values.size() < 2 || values.stream().anyMatch(v -> number(v.value()) == null)) {
            return;
        }
        ctx.add(Issue.REDUNDANT_CONDITION_VALUE_NUM, key.path(), key.span(), op.text(),
                less ? "greatest" : "least", key.value());
    }

    /** aws:SourceIp holds public addresses only (IAM User Guide, aws:SourceIp; Access Analyzer private IP checks). */
    private static void privateRanges(Context ctx, OperatorName op, Item key, List<Item> values) {
        if (!key.value().equalsIgnoreCase("aws:SourceIp")) {
            return;
        }
        int privates = 0;
        int parsed = 0;
        for (Item v : values) {
            IpRanges.Range r = IpRanges.parse(v.value());
            if (r != null) {
                parsed++;
                privates += r.isPrivate() ? 1 : 0;
            }
        }
        if (privates == 0) {
            return;
        }
        boolean all = privates == parsed;
        Issue issue = op.negated()
                ? (all ? Issue.PRIVATE_NOT_IP_ADDRESS : Issue.PRIVATE_NOT_IP_ADDRESS_SUBSET)
                : (all ? Issue.PRIVATE_IP_ADDRESS : Issue.PRIVATE_IP_ADDRESS_SUBSET);
        ctx.add(issue, key.path(), key.span());
    }
}
