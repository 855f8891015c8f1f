package io.sigil.store.internal;

import io.sigil.iam.store.ChangeEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on channel {@value #CHANNEL} on a connection of its own and hands each notification to the bus
 * (PostgreSQL, "LISTEN" / "NOTIFY": notifications are delivered only when the sending transaction commits). After a
 * lost connection it reconnects and publishes {@link ChangeEvent#all()}, since notifications sent meanwhile are
 * gone.
 */
public final class PgListener implements AutoCloseable {

    public static final String CHANNEL = "sigil_changes";
    /** The application_name of the listener's connection. */
    public static final String APPLICATION_NAME = "sigil-listener";
    private static final int POLL_MS = 200;

    // See JdbcStore.log().
    private static System.Logger log() {
        return System.getLogger(PgListener.class.getName());
    }

    /** Opens a fresh connection to the database. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Consumer<ChangeEvent> sink;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    public PgListener(Connector connector, Consumer<ChangeEvent> sink) {
        this.connector = connector;
        this.sink = sink;
        this.thread = new Thread(this::run, "sigil-pg-listener");
        this.thread.setDaemon(true);
    }

    /** Starts the thread and waits until LISTEN is in effect, so no later commit is missed. */
    public void start() {
        thread.start();
        try {
            if (!listening.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not LISTEN on " + CHANNEL + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the listener", e);
        }
    }

    private void run() {
        boolean first = true;
        long backoffMs = 100;
        while (!closed) {
            try (Connection c = connector.connect()) {
                current = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    sink.accept(ChangeEvent.all());
                }
                first = false;
                backoffMs = 100;
                listening.countDown();
                poll(c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log().log(System.Logger.Level.WARNING,
                        "change listener lost its connection (" + e + "); reconnecting in " + backoffMs + " ms");
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    private void poll(PGConnection pg) throws SQLException {
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(POLL_MS);
            if (notes == null) {
                continue;
            }
            for (PGNotification n : notes) {
                try {
                    sink.accept(ChangeEvent.parse(n.getParameter()));
                } catch (IllegalArgumentException bad) {
                    log().log(System.Logger.Level.WARNING,
                            "ignoring malformed change notification " + n.getParameter());
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread; closing its connection wakes it from a poll at once. */
    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the thread sees closed and ends
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
