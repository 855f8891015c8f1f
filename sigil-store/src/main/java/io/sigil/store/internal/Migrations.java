package io.sigil.store.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the Flyway migrations of the dialect (db/migration/sqlite or postgresql). */
public final class Migrations {

    private Migrations() {
    }

    public static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.id())
                .load()
                .migrate();
    }
}
