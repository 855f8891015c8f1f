package io.sigil.server.rest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonTreeTest {
    static Object parse(String s) throws JsonTree.Malformed {
        return JsonTree.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void values_keepMemberOrder_andNumbersExactly() throws Exception {
        Object v = parse("{\"b\":1.50,\"a\":[true,null,\"x\"]}");
        assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("b", "a"));
        assertThat(((Map<?, ?>) v).get("b")).isEqualTo(new BigDecimal("1.50"));
        assertThat(((Map<?, ?>) v).get("a")).isEqualTo(java.util.Arrays.asList(true, null, "x"));
        assertThat(JsonTree.write(v)).isEqualTo("{\"b\":1.50,\"a\":[true,null,\"x\"]}");
    }

    @Test
    void duplicateMember_trailingContent_emptyBody_andBrokenJson_areMalformed() {
        for (String bad : List.of("{\"a\":1,\"a\":2}", "{} {}", "", "{\"a\":", "{'a':1}")) {
            assertThat(catchThrowableOfType(JsonTree.Malformed.class, () -> parse(bad))).as(bad).isNotNull();
        }
    }

    @Test
    void nesting_isAcceptedUpToMaxDepth_andRefusedBeyond() throws Exception {
        assertThat(parse(nested(JsonTree.MAX_DEPTH - 1))).isInstanceOf(List.class);
        assertThat(parse(nested(JsonTree.MAX_DEPTH))).isInstanceOf(List.class);
        assertThat(catchThrowableOfType(JsonTree.Malformed.class, () -> parse(nested(JsonTree.MAX_DEPTH + 1))))
                .hasMessage("The request body is not valid JSON.");
    }
}
