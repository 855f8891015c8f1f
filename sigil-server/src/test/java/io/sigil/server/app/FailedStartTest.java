package io.sigil.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.http.HttpLimits;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jetty starts beside the store: a start that fails after it bound its port frees the port again. */
class FailedStartTest {

    @Test
    void aStartThatFailsOnTheStore_leavesItsPortFree(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SigilConfig config = new SigilConfig("127.0.0.1", port, dir, "jdbc:mysql://localhost/sigil", EnforceMode.ON,
                false, false, HttpLimits.defaults(), Map.of(), null);

        assertThatThrownBy(() -> SigilApp.start(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");

        // A server left running by the failed start would have bound the port by now.
        Thread.sleep(500);
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
