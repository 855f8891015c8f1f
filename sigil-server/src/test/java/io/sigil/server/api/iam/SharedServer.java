package io.sigil.server.api.iam;

import io.sigil.server.testing.SigilTestServer;

/**
 * One in-process server for all SDK tests of the Users and Groups areas, started on first use and stopped when the
 * test JVM exits ({@link SigilTestServer#startUntilExit}). Tests keep apart by the names and paths they use.
 */
final class SharedServer {

    private static SigilTestServer server;

    private SharedServer() {
    }

    static synchronized SigilTestServer get() {
        if (server == null) {
            server = SigilTestServer.startUntilExit("sigil-sdk-tests-stop");
        }
        return server;
    }
}
