package io.sigil.iam.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data table bundled as a class-path resource beside the class that reads it (the enforcement, operation,
 * constraint and handler tables, service names, service-linked roles): UTF-8 text, one record a line. Blank lines
 * and lines that start with {@code #} (comments, a generator's header) are left out; each table parses its records
 * itself.
 */
public final class TableResource {

    private TableResource() {
    }

    /**
     * The records of the resource {@code name}, resolved as {@link Class#getResourceAsStream} resolves it for
     * {@code owner} (a plain name is looked up in the owner's package).
     *
     * @throws IllegalStateException when there is no such resource (a broken build, not a user error)
     */
    public static List<String> records(Class<?> owner, String name) {
        return recordsIfPresent(owner, name).orElseThrow(
                () -> new IllegalStateException("resource missing: " + name + " (beside " + owner.getName() + ")"));
    }

    /** The records of the resource {@code name}, or empty when there is no such resource. */
    public static Optional<List<String>> recordsIfPresent(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> records = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    records.add(line);
                }
            }
            return Optional.of(records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
