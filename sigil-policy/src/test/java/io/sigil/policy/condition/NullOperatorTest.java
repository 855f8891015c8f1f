package io.sigil.policy.condition;

import io.sigil.policy.ContextValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM User Guide, Condition operators, "Condition operator to check existence of condition keys": {@code true}
 * means the key does not exist (it is null), {@code false} that it exists and its value is not null.
 */
class NullOperatorTest {

    @Test
    void nullTrue_holdsExactlyWhenTheKeyIsAbsent() {
        assertThat(op("Null", "true").holdsWhenAbsent()).isTrue();
        assertThat(op("Null", "true").holds("2020-01-01T00:00:00Z")).isFalse();
    }

    @Test
    void nullFalse_holdsExactlyWhenTheKeyIsPresent() {
        assertThat(op("Null", "false").holds("x")).isTrue();
        assertThat(op("Null", "false").holdsWhenAbsent()).isFalse();
    }

    @Test
    void aPresentEmptyString_isPresent() {
        assertThat(op("Null", "false").holds("")).isTrue();
    }

    @Test
    void aMultivaluedKeyWithNoValues_isNull() {
        // Multivalued context key examples: Null false keeps an empty set from satisfying ForAllValues.
        assertThat(op("Null", "false").holdsForSet()).isFalse();
        assertThat(op("Null", "true").holdsForSet()).isTrue();
        assertThat(op("Null", "false").holdsForSet("key1")).isTrue();
    }

    @Test
    void nullValues_ignoreCase_andAJsonBooleanReadsTheSame() {
        assertThat(op("Null", "TRUE").holdsWhenAbsent()).isTrue();
        assertThat(op("Null", "False").holds("x")).isTrue();
    }

    @Test
    void nullWithBothValues_alwaysHolds() {
        assertThat(op("Null", "true", "false").holdsWhenAbsent()).isTrue();
        assertThat(op("Null", "true", "false").holds("x")).isTrue();
    }

    @Test
    void aNullValueThatIsNoBoolean_failsClosed() {
        assertThat(op("Null", "maybe").holdsWhenAbsent()).isFalse();
        assertThat(op("Null", "maybe").holdsInDeny("x")).isTrue();
        assertThat(op("Null", "${aws:username}").holdsWhenAbsent()).as("no policy variables").isFalse();
    }

    @Test
    void theKeyName_isCaseInsensitive() {
        // IAM JSON policy elements: Condition, "Context key names are not case-sensitive."
        Map<String, ContextValue> upper = Map.of(Cond.KEY.toUpperCase(java.util.Locale.ROOT), ContextValue.of("v"));
        assertThat(op("Null", "false").holds(null, upper)).isTrue();
        assertThat(op("Null", "true").holds(null, upper)).isFalse();
    }
}
