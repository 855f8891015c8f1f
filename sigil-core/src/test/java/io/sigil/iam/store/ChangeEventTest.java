package io.sigil.iam.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeEventTest {

    @Test
    void payload_isKindAccountId_andParsesBack() {
        ChangeEvent e = new ChangeEvent(EntityKind.USER, "123456789012", "AIDAEXAMPLE");
        assertThat(e.payload()).isEqualTo("user:123456789012:AIDAEXAMPLE");
        assertThat(ChangeEvent.parse(e.payload())).isEqualTo(e);
    }

    @Test
    void equalsAndHashCode_followEveryComponent() {
        ChangeEvent e = new ChangeEvent(EntityKind.USER, "123456789012", "AIDAEXAMPLE");

        assertThat(new ChangeEvent(EntityKind.USER, "123456789012", "AIDAEXAMPLE")).isEqualTo(e).hasSameHashCodeAs(e);
        assertThat(new ChangeEvent(EntityKind.GROUP, "123456789012", "AIDAEXAMPLE")).isNotEqualTo(e);
        assertThat(new ChangeEvent(EntityKind.USER, "210987654321", "AIDAEXAMPLE")).isNotEqualTo(e);
        assertThat(new ChangeEvent(EntityKind.USER, "123456789012", "AIDAOTHER")).isNotEqualTo(e);
        assertThat(new ChangeEvent(EntityKind.USER, null, null)).isEqualTo(new ChangeEvent(EntityKind.USER, "", ""));
        assertThat(e).isNotEqualTo(null).isNotEqualTo("user:123456789012:AIDAEXAMPLE");
    }

    @Test
    void idsContainingColons_surviveTheRoundTrip() {
        ChangeEvent e = new ChangeEvent(EntityKind.ACCESS_KEY, "123456789012", "a:b:c");
        assertThat(ChangeEvent.parse(e.payload())).isEqualTo(e);
    }
}
