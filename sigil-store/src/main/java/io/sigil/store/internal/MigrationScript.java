package io.sigil.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One bundled versioned SQL migration with what Flyway records of it in {@code flyway_schema_history}: the version
 * and description from the file name ({@code V11__outbound_federation.sql}: "11", "outbound federation"), the file
 * name as {@code script}, and the checksum.
 *
 * @param sql the script's text, decoded as UTF-8 (Flyway's default encoding)
 */
public record MigrationScript(String version, String description, String script, int checksum, String sql) {

    private static final int CR = '\r';
    private static final int LF = '\n';

    /** Reads the script {@code fileName} of the dialect from the classpath. */
    static MigrationScript load(Dialect dialect, String fileName) {
        String path = "/db/migration/".concat(dialect.id()).concat("/").concat(fileName);
        try (InputStream in = MigrationScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script ".concat(path));
            }
            return of(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script ".concat(path), e);
        }
    }

    /**
     * The script from its file name in Flyway's default naming ({@code V<version>__<description>.sql}, version parts
     * separated by '.' or '_', words of the description by '_') and its text.
     */
    static MigrationScript of(String fileName, String sql) {
        int separator = fileName.indexOf("__");
        if (!fileName.startsWith("V") || separator < 2 || !fileName.endsWith(".sql")
                || separator + 2 >= fileName.length() - 4) {
            throw new IllegalArgumentException("not a versioned migration name: ".concat(fileName));
        }
        String version = fileName.substring(1, separator).replace('_', '.');
        if (!isVersion(version)) {
            throw new IllegalArgumentException("not a versioned migration name: ".concat(fileName));
        }
        String description = fileName.substring(separator + 2, fileName.length() - 4).replace('_', ' ');
        return new MigrationScript(version, description, fileName, checksum(sql), sql);
    }

    /** Numbers separated by single dots. */
    private static boolean isVersion(String version) {
        boolean digitBefore = false;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == '.' && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }

    /**
     * Flyway's checksum of a SQL migration (ChecksumCalculator in flyway-core 13): a CRC-32 over the UTF-8 bytes of
     * each line of the decoded text without its line break ("\n", "\r\n" or "\r", as BufferedReader splits them), a
     * byte order mark dropped from the first line, stored as a signed int. CRC-32 runs over a stream, so that is the
     * CRC-32 of the text's UTF-8 bytes with every CR and LF byte left out (neither byte occurs inside a multi-byte
     * UTF-8 sequence); computed so, over bytes, it costs a fraction of reading lines in the interpreter at start.
     * Flyway computes it after placeholder replacement, which leaves a script without placeholders unchanged
     * ({@link #hasPlaceholders}).
     */
    static int checksum(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int from = text.startsWith("\uFEFF") ? 3 : 0;
        CRC32 crc = new CRC32();
        for (int i = from; i < utf8.length; i++) {
            if (utf8[i] == CR || utf8[i] == LF) {
                crc.update(utf8, from, i - from);
                from = i + 1;
            }
        }
        crc.update(utf8, from, utf8.length - from);
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
