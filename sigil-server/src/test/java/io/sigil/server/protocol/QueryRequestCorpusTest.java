package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Query request conformance corpus, {@code cases/query-requests.json}: each case gives a service and its
 * parameters and says which operation they decode to or which error AWS answers with. Every bug fixed in the
 * decoder or the validator adds a case.
 */
class QueryRequestCorpusTest {
    private static final QueryProtocol PROTOCOL = QueryProtocol.standard();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = QueryRequestCorpusTest.class.getResourceAsStream("cases/query-requests.json")) {
            JsonNode cases = new ObjectMapper().readTree(in);
            return StreamSupport.stream(cases.spliterator(), false)
                    .map(c -> Arguments.of(c.get("description").asText(), c)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void queryRequest(String description, JsonNode testCase) {
        JsonNode given = testCase.get("given");
        AwsService service = AwsService.forId(given.get("service").asText()).orElseThrow();
        Map<String, List<String>> params = new LinkedHashMap<>();
        given.get("params").fields().forEachRemaining(p -> params.put(p.getKey(), List.of(p.getValue().asText())));
        JsonNode then = testCase.get("then");

        if (then.has("error")) {
            JsonNode error = then.get("error");
            assertThatThrownBy(() -> PROTOCOL.decode(service, params)).isInstanceOfSatisfying(
                    ProtocolException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(error.get("code").asText());
                        assertThat(e.error().httpStatus()).isEqualTo(error.get("status").asInt());
                        assertThat(e.error().message()).isEqualTo(error.get("message").asText());
                    });
        } else {
            assertThat(PROTOCOL.decode(service, params).operation().name()).isEqualTo(then.get("operation").asText());
        }
    }
}
