package io.sigil.server.api.iam;

import io.sigil.server.testing.SigilTestServer;

/**
 * One in-process server for all SDK tests of the Users and Groups areas, started on first use and stopped when the
 * test JVM exits. Tests keep apart by the names and paths they use. Sharing saves a start per test class, and keeps
 * the server's graceful stop (which can outlast its 2 s timeout on a loopback that retransmits, as seen in this
 * sandbox) out of the test results.
 */
final class SharedServer {

    private static SigilTestServer server;

    private SharedServer() {
    }

    static synchronized SigilTestServer get() {
        if (server == null) {
            SigilTestServer started = SigilTestServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (RuntimeException e) {
                    // The JVM is exiting; a graceful stop that timed out has nothing left to protect.
                }
            }, "sigil-sdk-tests-stop"));
            server = started;
        }
        return server;
    }
}
