package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.error.IamException;
import io.sigil.policy.ContextValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;

/** ContextEntries as the engine's request keys: types, lists, and what is rejected. */
class SimulationContextTest {

    private static ContextEntry entry(String name, String type, String... values) {
        return ContextEntry.builder().contextKeyName(name).contextKeyType(type).contextKeyValues(values).build();
    }

    @Test
    void aScalarTypeIsSingleValued_andAListTypeMultivalued_evenWithOneOrNoValue() {
        Map<String, ContextValue> keys = SimulationContext.of(List.of(entry("aws:SourceIp", "ip", "10.0.0.1"),
                entry("aws:TagKeys", "stringList", "a"), entry("test:Empty", "dateList")));
        assertThat(keys.get("aws:SourceIp")).isEqualTo(ContextValue.of("10.0.0.1"));
        assertThat(keys.get("aws:TagKeys")).isEqualTo(ContextValue.ofList(List.of("a")));
        assertThat(keys.get("test:Empty")).isEqualTo(ContextValue.ofList(List.of()));
    }

    @Test
    void withoutAType_oneValueIsAString_andSeveralAStringList() {
        Map<String, ContextValue> keys = SimulationContext.of(List.of(
                ContextEntry.builder().contextKeyName("test:One").contextKeyValues("x").build(),
                ContextEntry.builder().contextKeyName("test:Two").contextKeyValues("x", "y").build()));
        assertThat(keys.get("test:One").multiValued()).isFalse();
        assertThat(keys.get("test:Two").values()).containsExactly("x", "y");
    }

    @Test
    void booleansAreReadInAnyCase_andPassedInLowerCase() {
        assertThat(SimulationContext.of(List.of(entry("aws:SecureTransport", "boolean", "TRUE")))
                .get("aws:SecureTransport").single()).isEqualTo("true");
    }

    @Test
    void everyTypeAcceptsItsValues() {
        for (ContextKeyTypeEnum t : ContextKeyTypeEnum.knownValues()) {
            String value = switch (t.toString().replace("List", "")) {
                case "numeric" -> "-1.5";
                case "boolean" -> "false";
                case "ip" -> "2001:db8::/32";
                case "binary" -> "QmluYXJ5";
                case "date" -> "1700000000";
                default -> "text";
            };
            assertThat(SimulationContext.of(List.of(entry("test:Key", t.toString(), value))).get("test:Key").values())
                    .as(t.toString()).containsExactly(value);
        }
    }

    @Test
    void anUnknownType_orSeveralValuesForAScalarType_isInvalidInput() {
        assertThatThrownBy(() -> SimulationContext.of(List.of(entry("test:Key", "integer", "1"))))
                .isInstanceOf(IamException.class).hasMessageStartingWith("InvalidInput: Invalid ContextKeyType integer");
        assertThatThrownBy(() -> SimulationContext.of(List.of(entry("test:Key", "numeric", "1", "2"))))
                .isInstanceOf(IamException.class).hasMessageContaining("takes exactly one value");
        assertThatThrownBy(() -> SimulationContext.of(List.of(entry("test:Key", "numeric"))))
                .isInstanceOf(IamException.class).hasMessageContaining("takes exactly one value");
    }

    @Test
    void aKeyGivenTwiceInAnyCase_keepsTheLastEntry() {
        Map<String, ContextValue> keys = SimulationContext.of(List.of(entry("aws:username", "string", "a"),
                entry("AWS:UserName", "string", "b")));
        assertThat(keys).containsOnlyKeys("AWS:UserName");
        assertThat(keys.get("AWS:UserName").single()).isEqualTo("b");
    }
}
