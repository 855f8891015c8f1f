package io.sigil.iam.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Loads the key-encryption key that seals secrets at rest (DESIGN.md, "Secrets and credentials").
 *
 * <p>Order: the environment variable {@value #ENV} (base64 of 32 bytes) if set; otherwise the file
 * {@code DATA_DIR/}{@value #FILE_NAME}, created on first start with mode 0600 and a fresh random key. The file is
 * written to a temporary name and linked into place, so a crash never leaves a half-written key and two processes
 * starting together agree on one key.
 */
public final class MasterKey {

    public static final String ENV = "SIGIL_MASTER_KEY";
    public static final String FILE_NAME = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKey() {
    }

    public static SecretBox load(Path dataDir, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SecretBox(decode(fromEnv.trim(), "environment variable " + ENV));
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(dataDir, file);
            }
            return new SecretBox(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    private static void create(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = Files.createTempFile(dataDir, ".master", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(tmp, Base64.getEncoder().encode(key));
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp); // atomic, never replaces a key another process just created
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key in " + source + " is not base64");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the master key in " + source + " must be 32 bytes (base64), got " + key.length);
        }
        return key;
    }
}
