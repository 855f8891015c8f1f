package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private static final byte[] AAD = "row".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void firstStart_createsMasterKeyFileReadableByOwnerOnly() throws Exception {
        MasterKey.load(dataDir, Map.of());
        Path file = dataDir.resolve(MasterKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void laterStarts_reuseTheSameKey() {
        byte[] sealed = MasterKey.load(dataDir, Map.of()).seal(new byte[] {7}, AAD);
        assertThat(MasterKey.load(dataDir, Map.of()).open(sealed, AAD)).containsExactly(7);
    }

    @Test
    void environmentKey_winsOverTheFile_andWritesNothing() throws Exception {
        byte[] key = new byte[32];
        key[0] = 42;
        String b64 = Base64.getEncoder().encodeToString(key);
        SecretBox fromEnv = MasterKey.load(dataDir, Map.of(MasterKey.ENV, b64));
        assertThat(new SecretBox(key).open(fromEnv.seal(new byte[] {1}, AAD), AAD)).containsExactly(1);
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void environmentKeyOfWrongLength_isRefused() {
        String b64 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKey.load(dataDir, Map.of(MasterKey.ENV, b64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
