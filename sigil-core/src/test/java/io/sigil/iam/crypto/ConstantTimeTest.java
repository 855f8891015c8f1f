package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void equalStrings_areEqual_andAnyDifferenceOrNullIsNot() {
        assertThat(ConstantTime.equals("abc", "abc")).isTrue();
        assertThat(ConstantTime.equals("abc", "abd")).isFalse();
        assertThat(ConstantTime.equals("abc", "abcd")).isFalse();
        assertThat(ConstantTime.equals((String) null, "abc")).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1}, new byte[] {1})).isTrue();
        assertThat(ConstantTime.equals(new byte[] {1}, null)).isFalse();
    }
}
