package io.sigil.server.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * Conversion of scalar members between their Query text and their SDK type, both ways.
 *
 * <p>Text forms follow the Smithy awsQuery protocol: numbers in decimal, booleans {@code true}/{@code false},
 * timestamps in ISO 8601 / RFC 3339 ({@code 2024-01-01T12:00:00Z}), blobs in base64.
 */
final class ScalarCodec {
    private ScalarCodec() {
    }

    static boolean isScalar(MarshallingType<?> type) {
        return type == MarshallingType.STRING || type == MarshallingType.INTEGER || type == MarshallingType.LONG
                || type == MarshallingType.BOOLEAN || type == MarshallingType.INSTANT
                || type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT
                || type == MarshallingType.BIG_DECIMAL || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE || type == MarshallingType.SDK_BYTES;
    }

    /** Parses {@code text} of parameter {@code param} as {@code type}; InvalidParameterValue if it is not one. */
    static Object decode(MarshallingType<?> type, String param, String text) {
        try {
            if (type == MarshallingType.STRING) {
                return text;
            }
            if (type == MarshallingType.INTEGER) {
                return Integer.valueOf(text);
            }
            if (type == MarshallingType.LONG) {
                return Long.valueOf(text);
            }
            if (type == MarshallingType.SHORT) {
                return Short.valueOf(text);
            }
            if (type == MarshallingType.BYTE) {
                return Byte.valueOf(text);
            }
            if (type == MarshallingType.BOOLEAN) {
                return decodeBoolean(text);
            }
            if (type == MarshallingType.INSTANT) {
                return decodeInstant(text);
            }
            if (type == MarshallingType.DOUBLE) {
                return Double.valueOf(text);
            }
            if (type == MarshallingType.FLOAT) {
                return Float.valueOf(text);
            }
            if (type == MarshallingType.BIG_DECIMAL) {
                return new BigDecimal(text);
            }
            if (type == MarshallingType.SDK_BYTES) {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(text));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProtocolException.invalidParameterValue(
                    "Invalid value '" + text + "' for parameter " + param + ": expected " + describe(type) + ".");
        }
        throw new IllegalStateException("not a scalar type: " + type);
    }

    /** The Query/XML text of a scalar {@code value}. */
    static String encode(Object value) {
        if (value instanceof Instant instant) {
            return formatInstant(instant);
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /**
     * AWS writes timestamps in UTC, to the second when there is no fraction ({@code 2024-01-01T12:00:00Z}),
     * else to the millisecond ({@code 2011-07-15T23:28:33.359Z}, STS API Reference, AssumeRole example).
     */
    static String formatInstant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FAST_FROM || seconds >= FAST_UNTIL) {
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        // The same text as ISO_INSTANT for years 1000-9999, written directly: a list answer formats a timestamp
        // per entity, and the formatter's general machinery was most of ListUsers' encoding time (DispatchBenchmark).
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        int millis = instant.getNano() / 1_000_000;
        char[] c = new char[millis == 0 ? 20 : 24];
        digits(c, 0, date.getYear(), 4);
        c[4] = '-';
        digits(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        if (millis != 0) {
            c[19] = '.';
            digits(c, 20, millis, 3);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    /** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years ISO_INSTANT writes as exactly four digits. */
    private static final long FAST_FROM = -30_610_224_000L;
    private static final long FAST_UNTIL = 253_402_300_800L;

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static Boolean decodeBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Boolean.TRUE;
        }
        if (lower.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }

    private static Instant decodeInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static String describe(MarshallingType<?> type) {
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE) {
            return "an integer";
        }
        if (type == MarshallingType.BOOLEAN) {
            return "true or false";
        }
        if (type == MarshallingType.INSTANT) {
            return "an ISO 8601 timestamp";
        }
        if (type == MarshallingType.SDK_BYTES) {
            return "base64-encoded data";
        }
        return "a number";
    }
}
