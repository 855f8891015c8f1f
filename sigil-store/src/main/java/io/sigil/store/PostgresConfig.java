package io.sigil.store;

import java.util.Objects;

/**
 * Where the PostgreSQL store lives.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/sigil}
 * @param maxPoolSize connections in the HikariCP pool (one more is held by the change listener)
 */
public record PostgresConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

    public PostgresConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize >= 1");
        }
    }

    public static PostgresConfig of(String jdbcUrl, String user, String password) {
        return new PostgresConfig(jdbcUrl, user, password, 10);
    }
}
