package io.sigil.server.sigv4.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"20150830T123600Z", "20000229T000000Z", "19991231T235959Z", "20240101T000000Z",
            "20150231T120000Z", "20150431T120000Z"})
    void basicFormat_readsExactlyAsTheIso8601BasicFormatterReadsIt(String value) {
        Instant expected = ZonedDateTime.parse(value, RequestTime.BASIC).toInstant();

        assertThat(RequestTime.parse(value, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20150830T246000Z", "20151330T123600Z", "20150830T123660Z", "2015083OT123600Z",
            "20150830 123600Z", "20150830T123600", "+0150830T123600Z", "20150830T1236000Z"})
    void malformedOrOutOfRangeBasicTimes_areRejected(String value) {
        assertThatThrownBy(() -> RequestTime.parse(value, false)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fri, 09 Sep 2011 23:36:00 GMT"})
    void httpDates_areReadOnlyWhereAllowed(String value) {
        assertThat(RequestTime.parse(value, true)).isEqualTo(Instant.parse("2011-09-09T23:36:00Z"));
        assertThatThrownBy(() -> RequestTime.parse(value, false)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-08-30T12:36:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
            "2000-02-29T05:06:07Z"})
    void formatting_givesWhatTheFormattersGive(String iso) {
        Instant t = Instant.parse(iso);

        assertThat(RequestTime.basic(t)).isEqualTo(RequestTime.BASIC.format(t));
        assertThat(RequestTime.basicDate(t)).isEqualTo(RequestTime.BASIC_DATE.format(t));
    }
}
