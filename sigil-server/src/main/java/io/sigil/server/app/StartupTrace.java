package io.sigil.server.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
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
            sinceExec().ifPresent(ms -> line.add("exec to composition root " + ms + " ms"));
            last = System.nanoTime();
        }
    }

    /**
     * Milliseconds since this process was started, from Linux's /proc in clock ticks of 10 ms (ProcessHandle's
     * start instant is no use here: it is rounded to the boot time's whole second).
     */
    private static OptionalLong sinceExec() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            long startTicks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return OptionalLong.of(Math.round(uptime * 1000) - startTicks * 10);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
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
