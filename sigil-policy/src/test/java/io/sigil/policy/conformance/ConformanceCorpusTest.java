package io.sigil.policy.conformance;

import io.sigil.policy.PolicyEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every case file under {@code src/test/resources/conformance} (the project's corpus, with a copy of
 * shared/conformance/seed-examples.json) through the engine; each case is one test named by its description.
 */
class ConformanceCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusCaseGetsItsExpectedDecision() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpusFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<ConformanceCase> cases = CaseReader.read(file.getFileName().toString(), text, Instant.now());
            CaseRunner runner = new CaseRunner();
            PolicyEngine engine = new PolicyEngine();
            for (ConformanceCase c : cases) {
                tests.add(DynamicTest.dynamicTest(c.label(), () -> {
                    assertThat(c.expect()).as("corpus cases state their expected decision").isNotNull();
                    CaseRunner.Result r = runner.run(c);
                    assertThat(r.decision().outcome()).as(r.decision().explain()).isEqualTo(c.expect());
                    // The fast path (first applicable Allow settles a type) must reach the same outcome.
                    assertThat(engine.evaluate(c.request(), c.policies()).outcome())
                            .as("evaluate() agrees with explain()").isEqualTo(c.expect());
                }));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    static List<Path> corpusFiles() throws IOException, URISyntaxException {
        Path dir = Paths.get(ConformanceCorpusTest.class.getResource("/conformance").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
