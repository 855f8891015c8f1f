package io.sigil.server.app;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * With {@code -Dsigil.startup.trace}, the composition root prints how long each phase of the start took, on one
 * stderr line, for cold-start work (see sigil-bench's {@code ColdStart}). Off by default: then it does nothing.
 */
final class StartupTrace {
    private final boolean on = System.getProperty("sigil.startup.trace") != null;
    private final StringJoiner line = new StringJoiner(", ", "sigil: start phases: ", "");
    private long last = System.nanoTime();

    StartupTrace() {
        if (on) {
            // The process start time has the kernel's clock-tick resolution (10 ms), enough for this purpose.
            ProcessHandle.current().info().startInstant().ifPresent(t ->
                    line.add("process start to composition root " + Duration.between(t, Instant.now()).toMillis() + " ms"));
            last = System.nanoTime();
        }
    }

    /** Ends the phase {@code name}, which began at the previous mark. */
    void mark(String name) {
        if (on) {
            long now = System.nanoTime();
            line.add(name + " " + (now - last) / 1_000_000 + " ms");
            last = now;
        }
    }

    void print() {
        if (on) {
            System.err.println(line);
        }
    }
}
