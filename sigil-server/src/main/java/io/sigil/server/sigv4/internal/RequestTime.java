package io.sigil.server.sigv4.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Request times: X-Amz-Date is ISO 8601 basic format, {@code 20150830T123600Z}; a Date header may instead be an
 * HTTP date ({@code Mon, 09 Sep 2011 23:36:00 GMT}, RFC 9110 §5.6.7), which the string to sign then carries in
 * the basic format.
 */
public final class RequestTime {
    public static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    private RequestTime() {
    }

    /** Parses an X-Amz-Date value, or a Date header value when {@code httpDateAllowed}. */
    public static Instant parse(String value, boolean httpDateAllowed) {
        String v = value.trim();
        Instant fast = basicFast(v);
        if (fast != null) {
            return fast;
        }
        try {
            return ZonedDateTime.parse(v, BASIC).toInstant();
        } catch (DateTimeParseException notBasic) {
            if (httpDateAllowed) {
                try {
                    return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException notHttpDate) {
                    throw Errors.badDate(value);
                }
            }
            throw Errors.badDate(value);
        }
    }

    /**
     * The common case, {@code uuuuMMdd'T'HHmmss'Z'} with valid fields, without the formatter (it was a twentieth of
     * a signed call's CPU time); null for anything else, which {@link #BASIC} then reads with its own rules.
     */
    private static Instant basicFast(String v) {
        if (v.length() != 16 || v.charAt(8) != 'T' || v.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(digits(v, 0, 4), digits(v, 4, 6), digits(v, 6, 8), digits(v, 9, 11),
                    digits(v, 11, 13), digits(v, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException invalidField) {
            return null;
        }
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    public static String basic(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return BASIC.format(t);
        }
        StringBuilder b = new StringBuilder(16);
        pad(pad(pad(b, d.getYear(), 4), d.getMonthValue(), 2), d.getDayOfMonth(), 2).append('T');
        return pad(pad(pad(b, d.getHour(), 2), d.getMinute(), 2), d.getSecond(), 2).append('Z').toString();
    }

    public static String basicDate(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return BASIC_DATE.format(t);
        }
        StringBuilder b = new StringBuilder(8);
        return pad(pad(pad(b, d.getYear(), 4), d.getMonthValue(), 2), d.getDayOfMonth(), 2).toString();
    }

    /** Appends {@code n} (non-negative) in decimal, zero-padded to {@code width} digits. */
    private static StringBuilder pad(StringBuilder b, int n, int width) {
        String digits = Integer.toString(n);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }
}
