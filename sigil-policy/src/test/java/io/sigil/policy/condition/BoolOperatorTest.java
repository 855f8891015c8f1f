package io.sigil.policy.condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM User Guide, Condition operators, "Boolean condition operators": {@code Bool} against "true" or "false". */
class BoolOperatorTest {

    @Test
    void bool_matchesTheSameTruthValue() {
        assertThat(op("Bool", "true").holds("true")).isTrue();
        assertThat(op("Bool", "true").holds("false")).isFalse();
        assertThat(op("Bool", "false").holds("false")).isTrue();
    }

    @Test
    void bool_ignoresCase_onBothSides() {
        assertThat(op("Bool", "TRUE").holds("true")).isTrue();
        assertThat(op("Bool", "true").holds("True")).isTrue();
        assertThat(op("Bool", "False").holds("FALSE")).isTrue();
    }

    @ParameterizedTest(name = "request value \"{0}\" is no boolean and matches nothing")
    @ValueSource(strings = {"", "1", "0", "yes", "t", "true ", " true", "truee"})
    void aRequestValueThatIsNoBoolean_matchesNothing(String value) {
        assertThat(op("Bool", "true").holds(value)).isFalse();
        assertThat(op("Bool", "false").holds(value)).isFalse();
    }

    @ParameterizedTest(name = "policy value \"{0}\" cannot be read: an Allow does not apply, a Deny does")
    @ValueSource(strings = {"", "1", "yes", "null", "${aws:SecureTransport}"})
    void aPolicyValueThatIsNoBoolean_failsClosed(String policyValue) {
        // Policy variables are not substituted in Bool (Access Analyzer: "Policy variables can only be used with
        // String and ARN operators"), so ${...} is just an unreadable value.
        assertThat(op("Bool", policyValue).holds("true")).isFalse();
        assertThat(op("Bool", policyValue).holdsInDeny("true")).isTrue();
    }

    @Test
    void bool_withBothValues_holdsWheneverTheKeyIsPresent() {
        assertThat(op("Bool", "true", "false").holds("false")).isTrue();
        assertThat(op("Bool", "true", "false").holdsWhenAbsent()).isFalse();
    }

    @Test
    void bool_onAnAbsentKey_isFalse_andBoolIfExists_isTrue() {
        // Spec §3.9: aws:MultiFactorAuthPresent is absent with long-term keys, hence BoolIfExists in Force_MFA.
        assertThat(op("Bool", "false").holdsWhenAbsent()).isFalse();
        assertThat(op("BoolIfExists", "false").holdsWhenAbsent()).isTrue();
        assertThat(op("BoolIfExists", "false").holds("true")).isFalse();
    }
}
