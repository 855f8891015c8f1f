package io.sigil.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One bundled versioned SQL migration with what Flyway records of it in {@code flyway_schema_history}: the version
 * and description from the file name ({@code V11__outbound_federation.sql}: "11", "outbound federation"), the file
 * name as {@code script}, and the checksum.
 *
 * @param sql the script's text, decoded as UTF-8 (Flyway's default encoding)
 */
public record MigrationScript(String version, String description, String script, int checksum, String sql) {

    /** Flyway's default naming: prefix V, version parts separated by '.' or '_', separator "__", suffix .sql. */
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** Reads the script {@code fileName} of the dialect from the classpath. */
    static MigrationScript load(Dialect dialect, String fileName) {
        String path = "/db/migration/" + dialect.id() + "/" + fileName;
        try (InputStream in = MigrationScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + path);
            }
            return of(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + path, e);
        }
    }

    static MigrationScript of(String fileName, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a versioned migration name: " + fileName);
        }
        return new MigrationScript(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '), fileName,
                checksum(sql), sql);
    }

    /**
     * Flyway's checksum of a SQL migration (ChecksumCalculator in flyway-core 13): a CRC-32 over the UTF-8 bytes of
     * each line without its line break ("\n", "\r\n" or "\r", as BufferedReader splits them), a byte order mark
     * dropped from the first line, stored as a signed int. Flyway computes it after placeholder replacement, which
     * leaves a script without placeholders unchanged ({@link #hasPlaceholders}).
     */
    static int checksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringReader does not fail
        }
        return (int) crc.getValue();
    }

    /**
     * Whether Flyway would replace something in the text: its placeholders ({@code ${name}}) are replaced both in
     * the SQL it runs and in the text it checksums, which only Flyway can do.
     */
    boolean hasPlaceholders() {
        return sql.contains("${");
    }
}
