package io.sigil.server.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped handler table can never drift from the API modules: it must be what they register.
 * {@code -Dsigil.regenerate=true} rewrites it from them (then commit it).
 */
class HandlerTableTest {
    private static final Path SOURCE = Path.of("src/main/resources/io/sigil/server/app", HandlerTable.RESOURCE);
    private static SigilApp app;

    @BeforeAll
    static void start() throws Exception {
        app = SigilApp.start(SigilConfig.forTests(Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void shippedTable_isWhatTheModulesRegister() throws IOException {
        String generated = HandlerTable.generate(app.modules());
        if (Boolean.getBoolean("sigil.regenerate")) {
            Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
                .as("%s is stale: rerun this test with -Dsigil.regenerate=true and commit the file", SOURCE)
                .isEqualTo(generated);
    }

    @Test
    void everyModule_isInTheTable_soThatNoneRegistersAtStartUp() {
        Map<String, List<String>> table = HandlerTable.read();
        assertThat(app.modules()).allSatisfy(m -> assertThat(table).containsKey(m.getClass().getName()));
        assertThat(table.values().stream().mapToInt(List::size).sum()).isGreaterThan(180);
    }
}
