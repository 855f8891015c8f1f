package io.sigil.policy.condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM User Guide, Condition operators, "Numeric condition operators": integers or decimals. */
class NumericOperatorsTest {

    @Test
    void numericEquals_comparesValues_notTheirSpelling() {
        assertThat(op("NumericEquals", "10").holds("10")).isTrue();
        assertThat(op("NumericEquals", "10").holds("10.0")).isTrue();
        assertThat(op("NumericEquals", "10").holds("1e1")).isTrue();
        assertThat(op("NumericEquals", "10").holds("010")).isTrue();
        assertThat(op("NumericEquals", "10").holds("11")).isFalse();
    }

    @Test
    void numericLessThan_isStrict_atTheSameValue() {
        assertThat(op("NumericLessThan", "10").holds("9.999")).isTrue();
        assertThat(op("NumericLessThan", "10").holds("10")).isFalse();
        assertThat(op("NumericLessThan", "10").holds("10.001")).isFalse();
    }

    @Test
    void numericLessThanEquals_includesTheSameValue() {
        assertThat(op("NumericLessThanEquals", "10").holds("10")).isTrue();
        assertThat(op("NumericLessThanEquals", "10").holds("10.0000001")).isFalse();
    }

    @Test
    void numericGreaterThan_isStrict_atTheSameValue() {
        assertThat(op("NumericGreaterThan", "10").holds("10")).isFalse();
        assertThat(op("NumericGreaterThan", "10").holds("10.5")).isTrue();
    }

    @Test
    void numericGreaterThanEquals_includesTheSameValue() {
        assertThat(op("NumericGreaterThanEquals", "10").holds("10")).isTrue();
        assertThat(op("NumericGreaterThanEquals", "10").holds("9")).isFalse();
    }

    @Test
    void numericComparisons_orderNegativeNumbersAndDecimals() {
        assertThat(op("NumericLessThan", "-1").holds("-1.5")).isTrue();
        assertThat(op("NumericGreaterThan", "-1").holds("0")).isTrue();
        assertThat(op("NumericEquals", "0").holds("-0")).isTrue();
    }

    @Test
    void numericEquals_isExactBeyondDoublePrecision() {
        assertThat(op("NumericEquals", "9007199254740993").holds("9007199254740992")).isFalse();
        assertThat(op("NumericLessThan", "0.30000000000000001").holds("0.3")).isTrue();
    }

    @Test
    void numericNotEquals_withSeveralValues_holdsOnlyWhenNoneIsEqual() {
        assertThat(op("NumericNotEquals", "1", "2").holds("3")).isTrue();
        assertThat(op("NumericNotEquals", "1", "2").holds("2.0")).isFalse();
    }

    @Test
    void numericLessThan_withSeveralValues_holdsWhenAnyHolds() {
        assertThat(op("NumericLessThan", "5", "100").holds("50")).isTrue();
    }

    @ParameterizedTest(name = "request value \"{0}\" is no number and matches nothing")
    @ValueSource(strings = {"", " 5", "5 ", "+5", ".5", "5.", "0x10", "1_000", "1,000", "NaN", "Infinity", "ten",
        "\u0663", "\uff11\uff10", "5e", "1e1234567890"})
    void aRequestValueThatIsNoNumber_matchesNothing(String value) {
        assertThat(op("NumericEquals", "5").holds(value)).isFalse();
        assertThat(op("NumericNotEquals", "5").holds(value)).as("negated: no value matched").isTrue();
    }

    @ParameterizedTest(name = "policy value \"{0}\" cannot be read: an Allow does not apply, a Deny does")
    @ValueSource(strings = {"", "ten", "+5", " 5", "\u0663", "0x10", "NaN"})
    void aPolicyValueThatIsNoNumber_failsClosed(String policyValue) {
        assertThat(op("NumericEquals", policyValue).holds("5")).isFalse();
        assertThat(op("NumericNotEquals", policyValue).holds("5")).isFalse();
        assertThat(op("NumericEquals", policyValue).holdsInDeny("5")).isTrue();
        assertThat(op("NumericNotEquals", policyValue).holdsInDeny("5")).isTrue();
    }

    @Test
    void numbers_areReadUpTo64Characters() {
        String at = "1".repeat(64);
        String over = "1".repeat(65);
        assertThat(NumericOperators.parse("1".repeat(63))).isNotNull();
        assertThat(NumericOperators.parse(at)).isNotNull();
        assertThat(NumericOperators.parse(over)).isNull();
    }

    @Test
    void exponents_areRead_andHugeOnesStillCompare() {
        assertThat(op("NumericGreaterThan", "1e308").holds("1e999999999")).isTrue();
        assertThat(op("NumericLessThan", "1e-999999999").holds("0")).isTrue();
    }

    @Test
    void numericOperators_takeNoPolicyVariables() {
        assertThat(op("NumericEquals", "${aws:MultiFactorAuthAge}").holds("5")).isFalse();
    }

    @Test
    void numericLessThan_absentKey_isFalse_unlessIfExists() {
        assertThat(op("NumericLessThan", "3600").holdsWhenAbsent()).isFalse();
        assertThat(op("NumericLessThanIfExists", "3600").holdsWhenAbsent()).isTrue();
        assertThat(op("NumericNotEquals", "3600").holdsWhenAbsent()).isTrue();
    }
}
