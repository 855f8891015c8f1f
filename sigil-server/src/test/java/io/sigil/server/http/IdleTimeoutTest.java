package io.sigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Slow clients: a connection that stops sending mid-request is closed once the idle timeout passes, by the timer
 * thread the server starts for it; closing the server stops that thread and the request threads.
 */
class IdleTimeoutTest {
    private static final ApiEndpoint API = PlainTextApi.INSTANCE;

    @Test
    void aClientThatStopsMidRequest_isDisconnectedAfterTheIdleTimeout() throws Exception {
        HttpLimits limits = new HttpLimits(HttpLimits.defaults().maxBodyBytes(), HttpLimits.defaults().maxHeaderBytes(),
                HttpLimits.defaults().maxParameters(), Duration.ofMillis(300));
        SigilHttpServer server = new SigilHttpServer("127.0.0.1", 0, limits, Map.of(), API);
        server.start();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String stalled = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nAct"; // 3 of 10 body bytes
            out.write(stalled.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();

            // the server answers the stalled request with an error or just closes; either way the stream ends
            InputStream in = s.getInputStream();
            while (in.read() != -1) {
                // drain what it sends before closing
            }
            long waitedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(waitedMs).as("closed by the idle timeout, not at once").isGreaterThanOrEqualTo(250);
        } finally {
            server.close();
        }
    }

    @Test
    void closingTheServer_stopsItsTimerAndRequestThreads() throws Exception {
        // only threads started from here on count: other test classes may keep a server of their own running
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        SigilHttpServer server = new SigilHttpServer("127.0.0.1", 0, HttpLimits.defaults(), Map.of(), API);
        server.start();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().read()).isNotEqualTo(-1); // answered: the timer has started
        }
        assertThat(liveThreads(before, "sigil-timer-")).isPositive();

        server.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((liveThreads(before, "sigil-timer-") > 0 || liveThreads(before, "sigil-http-") > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(liveThreads(before, "sigil-timer-")).isZero();
        assertThat(liveThreads(before, "sigil-http-")).isZero();
    }

    private static long liveThreads(Set<Thread> before, String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
