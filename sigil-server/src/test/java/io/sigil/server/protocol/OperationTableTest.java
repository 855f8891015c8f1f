package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped operation table can never drift from the SDK: it must equal a fresh scan of the SDK model on the
 * class path. {@code -Dsigil.regenerate=true} rewrites the table from the scan (then commit it).
 */
class OperationTableTest {
    private static final Path SOURCE = Path.of("src/main/resources/io/sigil/server/protocol", OperationRegistry.RESOURCE);

    @Test
    void shippedTable_equalsAFreshScanOfTheSdkModel() throws IOException {
        List<OperationRegistry.Entry> scanned = OperationScan.scan();
        if (Boolean.getBoolean("sigil.regenerate")) {
            Files.writeString(SOURCE, OperationScan.table(scanned), StandardCharsets.UTF_8);
        }
        assertThat(OperationRegistry.standard().entries())
                .as("%s is stale: rerun this test with -Dsigil.regenerate=true and commit the file", SOURCE)
                .containsExactlyElementsOf(scanned);
    }

    @Test
    void shippedTable_isByteForByteWhatTheGeneratorWrites() throws IOException {
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8)).isEqualTo(OperationScan.table(OperationScan.scan()));
    }

    @Test
    void everyShippedOperation_loadsItsSdkClasses() {
        assertThat(OperationRegistry.standard().all()).hasSize(191)
                .allSatisfy(op -> assertThat(op.newRequestBuilder()).isNotNull());
    }
}
