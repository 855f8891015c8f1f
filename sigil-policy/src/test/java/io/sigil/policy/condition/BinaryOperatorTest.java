package io.sigil.policy.condition;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM User Guide, Condition operators, "Binary condition operators": {@code BinaryEquals} compares the key's bytes
 * with the base-64 encoded value in the policy. Request values reach the engine base-64 encoded as well.
 */
class BinaryOperatorTest {
    private static final String VALUE = "QmluYXJ5VmFsdWVJbkJhc2U2NA=="; // the User Guide's example

    @Test
    void binaryEquals_comparesTheDecodedBytes() {
        String same = Base64.getEncoder().encodeToString("BinaryValueInBase64".getBytes(StandardCharsets.US_ASCII));
        assertThat(op("BinaryEquals", VALUE).holds(same)).isTrue();
        assertThat(op("BinaryEquals", VALUE).holds("QmluYXJ5VmFsdWVJbkJhc2U2NQ==")).isFalse();
    }

    @Test
    void binaryEquals_isCaseSensitive_becauseBase64Is() {
        assertThat(op("BinaryEquals", "QQ==").holds("qQ==")).isFalse();
    }

    @Test
    void binaryEquals_readsPaddedAndUnpaddedFormsAsTheSameBytes() {
        assertThat(op("BinaryEquals", "QQ==").holds("QQ")).isTrue();
    }

    @Test
    void binaryEquals_withSeveralValues_holdsWhenAnyIsEqual() {
        assertThat(op("BinaryEquals", "QQ==", "Qg==").holds("Qg==")).isTrue();
    }

    @Test
    void aRequestValueThatIsNoBase64_matchesNothing() {
        assertThat(op("BinaryEquals", "QQ==").holds("Q Q==")).isFalse();
        assertThat(op("BinaryEquals", "QQ==").holds("A")).isFalse();
    }

    @Test
    void aPolicyValueThatIsNoBase64_failsClosed() {
        assertThat(op("BinaryEquals", "not base64!").holds("QQ==")).isFalse();
        assertThat(op("BinaryEquals", "not base64!").holdsInDeny("QQ==")).isTrue();
        assertThat(op("BinaryEquals", "${aws:username}").holds("QQ==")).as("no policy variables").isFalse();
    }

    @Test
    void binaryEquals_onAnAbsentKey_isFalse_unlessIfExists() {
        assertThat(op("BinaryEquals", VALUE).holdsWhenAbsent()).isFalse();
        assertThat(op("BinaryEqualsIfExists", VALUE).holdsWhenAbsent()).isTrue();
    }
}
