package io.sigil.server.app;

import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Cold start: fills, on a second thread, JDK and library caches that a server start fills anyway on its main
 * thread, where each would wait for the one before. All of them depend on nothing Sigil decides:
 * <ul>
 *   <li>the JDK's list of available locales, which Jetty's {@code MimeTypes} reads when the server is built and
 *       the SQLite driver's date format reads when the store opens;</li>
 *   <li>Jetty's MIME tables ({@code MimeTypes}' static initialiser);</li>
 *   <li>the JCE providers, looked up on the first AES-GCM seal (the bootstrap's root key) and the first HMAC
 *       (SigV4).</li>
 * </ul>
 * Each step only does early what the first use would do, and the JVM serialises class initialisation, so the
 * order in which the two threads get there changes nothing but the time. A failure here is left for the real use
 * to meet and report.
 */
public final class Preload {
    private Preload() {}

    /** Starts the preloading thread (a daemon: it never holds the JVM up). */
    public static void start() {
        Thread t = new Thread(Preload::run, "sigil-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Locale.getAvailableLocales();
            Class.forName("org.eclipse.jetty.http.MimeTypes", true, Preload.class.getClassLoader());
            Cipher.getInstance("AES/GCM/NoPadding");
            Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the main thread meets the same problem where it matters
        }
    }
}
