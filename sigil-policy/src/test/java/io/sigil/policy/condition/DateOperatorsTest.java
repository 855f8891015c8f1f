package io.sigil.policy.condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM User Guide, Condition operators, "Date condition operators": W3C ISO 8601 profile or epoch (UNIX) time; no
 * wildcards; no policy variables.
 */
class DateOperatorsTest {
    private static final String NOON = "2020-04-01T12:00:00Z";

    @Test
    void dateGreaterThan_isStrict_atTheExactInstant() {
        assertThat(op("DateGreaterThan", NOON).holds("2020-04-01T12:00:00Z")).isFalse();
        assertThat(op("DateGreaterThan", NOON).holds("2020-04-01T12:00:00.001Z")).isTrue();
    }

    @Test
    void dateGreaterThanEquals_holdsAtTheExactInstant() {
        assertThat(op("DateGreaterThanEquals", NOON).holds("2020-04-01T12:00:00Z")).isTrue();
        assertThat(op("DateGreaterThanEquals", NOON).holds("2020-04-01T11:59:59.999Z")).isFalse();
    }

    @Test
    void dateLessThan_isStrict_atTheExactInstant() {
        assertThat(op("DateLessThan", NOON).holds("2020-04-01T12:00:00Z")).isFalse();
        assertThat(op("DateLessThan", NOON).holds("2020-04-01T11:59:59.999Z")).isTrue();
    }

    @Test
    void dateLessThanEquals_holdsAtTheExactInstant() {
        assertThat(op("DateLessThanEquals", NOON).holds("2020-04-01T12:00:00Z")).isTrue();
        assertThat(op("DateLessThanEquals", NOON).holds("2020-04-01T12:00:00.001Z")).isFalse();
    }

    @Test
    void dateEquals_comparesInstants_notText() {
        assertThat(op("DateEquals", "2020-01-01T00:00:00Z").holds("2020-01-01T01:00:00+01:00")).isTrue();
        assertThat(op("DateEquals", "2020-01-01T00:00:00Z").holds("2019-12-31T19:00-05:00")).isTrue();
        assertThat(op("DateEquals", "2020-01-01T00:00:00Z").holds("1577836800")).isTrue();
        assertThat(op("DateEquals", "2020-01-01").holds("2020-01-01T00:00:00.000Z")).isTrue();
        assertThat(op("DateEquals", "2020-01").holds("2020-01-01T00:00Z")).isTrue();
        assertThat(op("DateEquals", "2020-01-01").holds("2020-01-01T00:00:01Z")).isFalse();
    }

    @Test
    void dateNotEquals_withSeveralValues_holdsOnlyWhenNoneIsTheSameInstant() {
        assertThat(op("DateNotEquals", "2020-01-01", "2021-01-01").holds("2022-01-01")).isTrue();
        assertThat(op("DateNotEquals", "2020-01-01", "2021-01-01").holds("1609459200")).isFalse();
    }

    @ParameterizedTest(name = "W3C form {0} is {1}")
    @CsvSource({
        "2020-04,                       2020-04-01T00:00:00Z",
        "2020-04-01,                    2020-04-01T00:00:00Z",
        "2020-04-01T12:30Z,             2020-04-01T12:30:00Z",
        "2020-04-01T12:30:15Z,          2020-04-01T12:30:15Z",
        "2020-04-01T12:30:15.5Z,        2020-04-01T12:30:15.500Z",
        "2020-04-01T12:30:15.123456789Z, 2020-04-01T12:30:15.123Z",
        "2020-04-01T12:30:15+02:00,     2020-04-01T10:30:15Z",
        "2020-04-01T12:30-02:30,        2020-04-01T15:00:00Z",
        "2020-04-01T12:30:15,           2020-04-01T12:30:15Z",
        "2020-02-29,                    2020-02-29T00:00:00Z",
    })
    void w3cDateFormats_areRead(String text, String instant) {
        assertThat(DateOperators.parseMillis(text)).isEqualTo(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest(name = "epoch {0} is {1} ms")
    @CsvSource({"0, 0", "1577836800, 1577836800000", "1577836800.25, 1577836800250", "-86400, -86400000",
        "999999999999, 999999999999000"})
    void epochSeconds_areRead(String text, long millis) {
        assertThat(DateOperators.parseMillis(text)).isEqualTo(millis);
    }

    @Test
    void aBareFourDigitNumber_isEpochSeconds_notAYear() {
        assertThat(DateOperators.parseMillis("2020")).isEqualTo(2_020_000L);
    }

    @ParameterizedTest(name = "\"{0}\" is no date")
    @ValueSource(strings = {"", "2020-04-01 12:00:00Z", "2020-04-01T12:00:00+0100", "2020-4-1", "20-04-01",
        "2020-04-01T24:00:00Z", "2020-02-30", "2019-02-29", "2020-13", "2020-04-01T12:00:60Z", "2020-04-01t12:00Z",
        "2020-04-01T12:00z", "2020-04-01T12Z", "2020-*", "2020-04-01T12:00:00.Z", "2020-04-01T12:00:00+19:00",
        "1577836800000", "1e9", "+1577836800", "April 1, 2020", "\u0662\u0660\u0662\u0660-04-01", "now"})
    void malformedDates_areNoDates(String text) {
        assertThat(DateOperators.parseMillis(text)).isNull();
    }

    @Test
    void dates_areReadUpTo40Characters() {
        String fortyOne = "2020-04-01T12:30:15.123456789+00:00" + "000000";
        assertThat(fortyOne).hasSize(41);
        assertThat(DateOperators.parseMillis(fortyOne)).isNull();
        assertThat(DateOperators.parseMillis("0".repeat(12))).isZero();
    }

    @Test
    void aPolicyValueThatIsNoDate_failsClosed() {
        assertThat(op("DateLessThan", "yesterday").holds(NOON)).isFalse();
        assertThat(op("DateNotEquals", "yesterday").holds(NOON)).isFalse();
        assertThat(op("DateLessThan", "yesterday").holdsInDeny(NOON)).isTrue();
    }

    @Test
    void dateOperators_takeNoWildcardsAndNoVariables() {
        assertThat(op("DateEquals", "2020-*").holds(NOON)).isFalse();
        assertThat(op("DateEquals", "${aws:CurrentTime}").holds(NOON)).isFalse();
    }

    @Test
    void aRequestValueThatIsNoDate_matchesNothing() {
        assertThat(op("DateLessThan", NOON).holds("soon")).isFalse();
        assertThat(op("DateNotEquals", NOON).holds("soon")).isTrue();
    }

    @Test
    void dateLessThan_onAnAbsentKey_isFalse_soLongTermKeysEscapeATokenIssueTimeDeny() {
        // Spec §10 #54: Deny if DateLessThan aws:TokenIssueTime; long-term keys carry no aws:TokenIssueTime.
        assertThat(op("DateLessThan", "2014-05-07T23:47:00Z").holdsWhenAbsent()).isFalse();
        assertThat(op("DateLessThanIfExists", "2014-05-07T23:47:00Z").holdsWhenAbsent()).isTrue();
    }
}
