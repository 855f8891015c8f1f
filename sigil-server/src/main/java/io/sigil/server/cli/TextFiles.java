package io.sigil.server.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files named on the command line as UTF-8 text (JSON's encoding, RFC 8259 §8.1), with plain errors. */
final class TextFiles {
    /** A file that cannot be read; the message names the file and says why, fit to show as it is. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private TextFiles() {}

    static String read(Path file) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file + ": cannot read: is a directory");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable(file + ": cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(file + ": cannot read: permission denied");
        } catch (MalformedInputException e) {
            throw new Unreadable(file + ": cannot read: not UTF-8 text");
        } catch (IOException | SecurityException e) {
            throw new Unreadable(file + ": cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
