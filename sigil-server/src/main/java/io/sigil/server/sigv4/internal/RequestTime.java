package io.sigil.server.sigv4.internal;

import java.time.Instant;
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

    public static String basic(Instant t) {
        return BASIC.format(t);
    }

    public static String basicDate(Instant t) {
        return BASIC_DATE.format(t);
    }
}
