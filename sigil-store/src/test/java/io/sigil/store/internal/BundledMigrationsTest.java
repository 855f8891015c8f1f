package io.sigil.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The named list of bundled scripts, and what Flyway would record of each script, compared with Flyway itself. */
class BundledMigrationsTest {

    @TempDir
    Path dir;

    /** What Flyway resolves at {@code location}: version, description, script, checksum, in its order. */
    private List<String> resolvedByFlyway(String location) {
        // Resolving reads only the location; the database (an empty SQLite file) just has to be there.
        Flyway flyway = Flyway.configure().dataSource(SqliteConnections.dataSource(dir.resolve("info.db")))
                .locations(location).load();
        return Stream.of(flyway.info().all()).map(BundledMigrationsTest::describe).toList();
    }

    private static String describe(MigrationInfo m) {
        return m.getVersion() + " | " + m.getDescription() + " | " + m.getScript() + " | " + m.getChecksum();
    }

    private static String describe(MigrationScript s) {
        return s.version() + " | " + s.description() + " | " + s.script() + " | " + s.checksum();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void fileNames_nameExactlyTheScriptsInTheDialectsDirectory(Dialect dialect) throws IOException, URISyntaxException {
        Path location = Path.of(getClass().getResource("/db/migration/" + dialect.id()).toURI());
        try (Stream<Path> files = Files.list(location)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(BundledMigrations.FILE_NAMES);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void scripts_haveFlywaysVersionsDescriptionsChecksumsAndOrder(Dialect dialect) {
        List<MigrationScript> scripts = BundledMigrations.load(dialect);

        assertThat(scripts.stream().map(BundledMigrationsTest::describe))
                .containsExactlyElementsOf(resolvedByFlyway("classpath:db/migration/" + dialect.id()));
        assertThat(scripts).noneMatch(MigrationScript::hasPlaceholders);
    }

    @Test
    void checksum_isFlywaysForAnyLineBreaksByteOrderMarkAndNonAsciiText() throws IOException {
        Path scripts = Files.createDirectory(dir.resolve("scripts"));
        List<String> texts = List.of(
                "CREATE TABLE a (x INT);\n-- done\n",
                "CREATE TABLE a (x INT);\r\n-- done\r\n",
                "CREATE TABLE a (x INT);\r-- done",
                "\uFEFFCREATE TABLE a (x INT);\n",
                "-- naïve café, 日本語\nCREATE TABLE a (x INT);\n\n\n",
                "");
        for (int i = 0; i < texts.size(); i++) {
            Files.writeString(scripts.resolve("V" + (i + 1) + "__case_" + (i + 1) + ".sql"), texts.get(i),
                    StandardCharsets.UTF_8);
        }

        List<String> ours = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ours.add(describe(MigrationScript.of("V" + (i + 1) + "__case_" + (i + 1) + ".sql", texts.get(i))));
        }
        assertThat(ours).containsExactlyElementsOf(resolvedByFlyway("filesystem:" + scripts));
    }
}
