package io.sigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sigil} launcher's java command line ({@code SIGIL_PRINT_JAVA_COMMAND=1}), run on a copy of the script
 * beside a stand-in jar, so that nothing is built: its root found from the script's own path (directly, through a
 * symlink, as a bare name in its directory), and the processor count it reads from /proc without running nproc.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("..", "sigil").toAbsolutePath().normalize();

    record Run(int exitCode, List<String> lines) {}

    /** A copy of the launcher in {@code dir}, with a stand-in jar where it looks for the real one. */
    private static Path install(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("sigil-server/target"));
        Files.writeString(target.resolve("sigil.jar"), "stand-in");
        Path script = dir.resolve("sigil");
        Files.copy(SCRIPT, script);
        return script;
    }

    private static Run run(Path workDir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("SIGIL_PRINT_JAVA_COMMAND", "1");
        pb.environment().put("SIGIL_CDS", "0");
        pb.environment().remove("SIGIL_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out.lines().toList());
    }

    private static int nproc() throws Exception {
        Process p = new ProcessBuilder("nproc").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).isZero();
        return Integer.parseInt(out);
    }

    @Test
    void printsTheJavaCommand_withTheJarBesideTheScript_andTheUsersOptionsLast(@TempDir Path dir) throws Exception {
        Path script = install(dir.toRealPath());

        Run r = run(dir, Map.of("SIGIL_JAVA_OPTS", "-Xmx300m -Dsigil.x=1"), "bash", script.toString(), "serve");

        assertThat(r.exitCode()).isZero();
        List<String> l = r.lines();
        assertThat(l.get(0)).isEqualTo("java");
        assertThat(l.subList(l.size() - 4, l.size())).containsExactly("-Xmx300m", "-Dsigil.x=1", "-jar",
                dir.toRealPath().resolve("sigil-server/target/sigil.jar").toString());
        // SIGIL_CDS=0: neither cache is used
        assertThat(l).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")).noneMatch(a -> a.contains("sqlite"));
    }

    @Test
    void findsItsRoot_throughASymlink_andAsABareNameRunFromItsDirectory(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("checkout")).toRealPath();
        Path script = install(root);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("sigil"), script);
        String jar = root.resolve("sigil-server/target/sigil.jar").toString();

        Run viaLink = run(dir, Map.of(), link.toString(), "--version");
        Run bare = run(root, Map.of(), "bash", "sigil", "--version");

        assertThat(viaLink.exitCode()).isZero();
        assertThat(viaLink.lines()).last().isEqualTo(jar);
        assertThat(bare.exitCode()).isZero();
        assertThat(bare.lines()).last().isEqualTo(jar);
    }

    @Test
    void picksTheSerialCollector_exactlyWhenAtMostTwoProcessorsAreAllowed(@TempDir Path dir) throws Exception {
        Path script = install(dir);
        int processors = nproc();

        Run r = run(dir, Map.of(), "bash", script.toString());

        assertThat(r.lines().contains("-XX:+UseSerialGC")).isEqualTo(processors <= 2);
    }

    @Test
    void countsTheProcessorsOfItsAffinityMask_asNprocDoes(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux /proc");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v taskset").start().waitFor() == 0, "taskset");
        Path script = install(dir);

        // Pinned to one processor, the launcher counts one (a count of all the machine's would pick G1 on more).
        Run one = run(dir, Map.of(), "taskset", "-c", "0", "bash", script.toString());

        assertThat(one.exitCode()).isZero();
        assertThat(one.lines()).contains("-XX:+UseSerialGC");
    }
}
