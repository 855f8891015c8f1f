package io.sigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sigil} launcher's java command line ({@code SIGIL_PRINT_JAVA_COMMAND=1}), run on a copy of the script
 * beside a stand-in jar, so that nothing is built: its root found from the script's own path (directly, through a
 * symlink, as a bare name in its directory), the processor count it reads from /proc without running nproc, and
 * which java it runs: its runtime image's only while {@code java} on PATH is the JDK the image was linked from.
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
    void putsTheHeapOnHugePages_exactlyWhenTheKernelGivesThemOnRequestOrAlways(@TempDir Path dir) throws Exception {
        Path script = install(dir);
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String selected = Files.isReadable(mode) ? Files.readString(mode) : "";
        boolean offered = selected.contains("[madvise]") || selected.contains("[always]");

        Run r = run(dir, Map.of(), "bash", script.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines().contains("-XX:+UseTransparentHugePages")).as(selected).isEqualTo(offered);
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

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The jar a minute older than now, so that whatever a test's launcher prepares is newer. */
    private static void builtAMinuteAgo(Path jar) throws IOException {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    /** A jar newer than the caches prepared now, as a rebuild leaves it (and newer than every source file). */
    private static void builtInAMinute(Path jar) throws IOException {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    }

    /** A stand-in JDK home: a bin/java that does nothing, and a release file. */
    private static Path fakeJdk(Path home, String version) throws IOException {
        executable(Files.createDirectories(home.resolve("bin")).resolve("java"), "#!/bin/sh\nexit 0\n");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nIMPLEMENTOR=\"test\"\n");
        return home;
    }

    /**
     * A launcher whose caches were prepared for this jar with a runtime image linked from {@code jdk}: the image
     * records that JDK's home and a copy of its release file, as the launcher's prepare_runtime leaves them.
     */
    private static Path installWithRuntime(Path dir, Path jdk) throws IOException {
        Path script = install(dir);
        Path target = dir.resolve("sigil-server/target");
        executable(Files.createDirectories(target.resolve("runtime/bin")).resolve("java"), "#!/bin/sh\nexit 0\n");
        Files.writeString(target.resolve("runtime/sigil-jdk-home"), jdk + "\n");
        Files.copy(jdk.resolve("release"), target.resolve("runtime/sigil-jdk-release"));
        Path marker = target.resolve(".sigil-prepared");
        Files.writeString(marker, "");
        Files.setLastModifiedTime(marker, FileTime.fromMillis(
                Files.getLastModifiedTime(target.resolve("sigil.jar")).toMillis() + 60_000));
        return script;
    }

    /** The printed java command (after any messages of a preparation); its first element is the java it runs. */
    private static List<String> javaCommand(Run r) {
        List<String> l = r.lines();
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).equals("java") || l.get(i).endsWith("/java")) {
                return l.subList(i, l.size());
            }
        }
        throw new AssertionError("no java command in " + l);
    }

    private static Map<String, String> withJavaFirstOnPath(Path jdk, boolean caches) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("SIGIL_CDS", caches ? "1" : "0");
        return env;
    }

    @Test
    void runsItsRuntimeImage_whileJavaOnPathIsTheJdkItWasLinkedFrom_unchanged(@TempDir Path dir) throws Exception {
        Path base = dir.toRealPath();
        Path root = Files.createDirectories(base.resolve("checkout"));
        Path jdk = fakeJdk(base.resolve("jdk"), "17.0.15");
        Path script = installWithRuntime(root, jdk);
        Path runtime = root.resolve("sigil-server/target/runtime");
        // java on PATH through a symlink to the JDK's own, as /usr/bin/java leads to it through the alternatives
        Files.createSymbolicLink(Files.createDirectories(base.resolve("bin")).resolve("java"), jdk.resolve("bin/java"));

        Run direct = run(root, withJavaFirstOnPath(jdk, true), "bash", script.toString(), "--version");
        Run viaSymlink = run(root, withJavaFirstOnPath(base, true), "bash", script.toString(), "--version");
        Run cachesOff = run(root, withJavaFirstOnPath(jdk, false), "bash", script.toString(), "--version");

        assertThat(direct.exitCode()).isZero();
        assertThat(javaCommand(direct).get(0)).isEqualTo(runtime.resolve("bin/java").toString());
        assertThat(direct.lines()).noneMatch(l -> l.contains("preparing"));
        assertThat(javaCommand(viaSymlink).get(0)).isEqualTo(runtime.resolve("bin/java").toString());
        assertThat(javaCommand(cachesOff).get(0)).isEqualTo("java");
    }

    @Test
    void preparesAgainWithoutTheOldRuntimeImage_whenTheJdkWasUpdatedOrAnotherIsFirstOnPath(@TempDir Path dir)
            throws Exception {
        Path base = dir.toRealPath();
        Path jdk = fakeJdk(base.resolve("jdk"), "17.0.15");
        Path other = fakeJdk(base.resolve("other-jdk"), "17.0.15");
        Path updatedRoot = Files.createDirectories(base.resolve("updated"));
        Path otherRoot = Files.createDirectories(base.resolve("other"));
        Path updatedScript = installWithRuntime(updatedRoot, jdk);
        Path otherScript = installWithRuntime(otherRoot, jdk);

        // an update in place: same home and binary, new release file
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.16\"\nIMPLEMENTOR=\"test\"\n");
        Run updated = run(updatedRoot, withJavaFirstOnPath(jdk, true), "bash", updatedScript.toString(), "--version");
        // another JDK first on PATH, the linked one unchanged (its release file as recorded)
        fakeJdk(jdk, "17.0.15");
        Run another = run(otherRoot, withJavaFirstOnPath(other, true), "bash", otherScript.toString(), "--version");

        for (Run r : List.of(updated, another)) {
            assertThat(r.exitCode()).isZero();
            // the stand-in JDKs cannot link an image or train an archive, so the preparation ends without either
            assertThat(r.lines()).anyMatch(l -> l.contains("preparing the start-up caches"));
            assertThat(javaCommand(r).get(0)).isEqualTo("java");
        }
        assertThat(updatedRoot.resolve("sigil-server/target/runtime")).doesNotExist();
        assertThat(otherRoot.resolve("sigil-server/target/runtime")).doesNotExist();
    }

    /**
     * A stand-in JDK that links and trains: its java prints its home and modules as the JDK does, writes the class
     * list and the archive it is asked for, and fails the training run (the class list) in an image that contains a
     * file "broken"; its jlink makes an image of a copy of that java, records the modules it was given, and marks the
     * image broken when the JDK holds a file "break-images".
     */
    private static Path linkableJdk(Path home) throws IOException {
        fakeJdk(home, "17.0.15");
        executable(home.resolve("bin/java"), String.join("\n",
                "#!/bin/sh",
                "home=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"",
                "dump=; archive=",
                "for a in \"$@\"; do",
                "  case \"$a\" in",
                "    -XshowSettings:properties) echo \"    java.home = $home\" >&2 ;;",
                "    --list-modules) printf 'java.base@17\\njava.sql@17\\njdk.compiler@17\\njdk.internal.le@17\\n"
                        + "jdk.localedata@17\\n' ;;",
                "    -XX:DumpLoadedClassList=*) [ -e \"$home/broken\" ] && exit 1; echo classes > \"${a#*=}\" ;;",
                "    -XX:SharedArchiveFile=*) archive=\"${a#*=}\" ;;",
                "    -Xshare:dump) dump=1 ;;",
                "  esac",
                "done",
                "if [ -n \"$dump\" ]; then printf archive > \"$archive\"; fi",
                "exit 0", ""));
        executable(home.resolve("bin/jlink"), String.join("\n",
                "#!/bin/sh",
                "jdk=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"",
                "prev=; out=; mods=",
                "for a in \"$@\"; do",
                "  [ \"$prev\" = --output ] && out=\"$a\"",
                "  [ \"$prev\" = --add-modules ] && mods=\"$a\"",
                "  prev=\"$a\"",
                "done",
                "mkdir -p \"$out/bin\" && cp \"$jdk/bin/java\" \"$out/bin/java\"",
                "echo \"$mods\" > \"$out/linked-modules\"",
                "if [ -e \"$jdk/break-images\" ]; then : > \"$out/broken\"; fi", ""));
        return home;
    }

    /** A checkout with a jar built a minute ago, beside a stand-in JDK that links and trains ({@link #linkableJdk}). */
    private record Checkout(Path jdk, Path root, Path script, Path target) {
        /** {@code ./sigil --version} with the stand-in JDK first on PATH and the caches on. */
        Run version() throws Exception {
            return run(root, withJavaFirstOnPath(jdk, true), "bash", script.toString(), "--version");
        }
    }

    private static Checkout linkableCheckout(Path dir) throws IOException {
        Path base = dir.toRealPath();
        Path jdk = linkableJdk(base.resolve("jdk"));
        Path root = Files.createDirectories(base.resolve("checkout"));
        Path script = install(root);
        Path target = root.resolve("sigil-server/target");
        builtAMinuteAgo(target.resolve("sigil.jar"));
        return new Checkout(jdk, root, script, target);
    }

    @Test
    void prepares_aRuntimeImageOfAllButTheJdksToolsAndLocaleData_andTheArchiveWithItsJava(@TempDir Path dir)
            throws Exception {
        Checkout c = linkableCheckout(dir);
        Path target = c.target();

        Run first = c.version();
        Run second = c.version();

        assertThat(first.exitCode()).isZero();
        assertThat(first.lines()).anyMatch(l -> l.contains("preparing the start-up caches"));
        assertThat(Files.readString(target.resolve("runtime/linked-modules")).trim()).isEqualTo("java.base,java.sql");
        assertThat(Files.readString(target.resolve("runtime/sigil-modules")).trim()).isEqualTo("java.base,java.sql");
        assertThat(Files.readString(target.resolve("runtime/sigil-jdk-home")).trim()).isEqualTo(c.jdk().toString());
        assertThat(target.resolve("runtime/sigil-jdk-release")).hasSameTextualContentAs(c.jdk().resolve("release"));
        for (Run r : List.of(first, second)) {
            assertThat(javaCommand(r).get(0)).isEqualTo(target.resolve("runtime/bin/java").toString());
            assertThat(javaCommand(r)).contains("-XX:SharedArchiveFile=" + target.resolve("sigil.jsa"));
        }
        // prepared once: the second start found both caches fresh
        assertThat(second.lines()).noneMatch(l -> l.contains("preparing"));
    }

    @Test
    void linksTheRuntimeImageAgainAfterARebuild_onlyWhenItWasLinkedFromOtherModules(@TempDir Path dir)
            throws Exception {
        Checkout c = linkableCheckout(dir);
        Path target = c.target();
        Path linked = target.resolve("runtime/linked-modules");
        assertThat(c.version().exitCode()).isZero();

        // a rebuild with the image linked from the modules the launcher names: the image stays
        Files.delete(linked);
        builtInAMinute(target.resolve("sigil.jar"));
        Run same = c.version();
        boolean linkedAgainForTheSameModules = Files.exists(linked);
        // a rebuild with an image an older launcher linked, with the JDK's locale data and no record of its modules
        Files.delete(target.resolve("runtime/sigil-modules"));
        Files.setLastModifiedTime(target.resolve("sigil.jar"), FileTime.fromMillis(System.currentTimeMillis() + 120_000));
        Run older = c.version();

        assertThat(same.lines()).anyMatch(l -> l.contains("preparing the start-up caches"));
        assertThat(linkedAgainForTheSameModules).isFalse();
        assertThat(javaCommand(same).get(0)).isEqualTo(target.resolve("runtime/bin/java").toString());
        assertThat(older.lines()).anyMatch(l -> l.contains("preparing the start-up caches"));
        assertThat(javaCommand(older).get(0)).isEqualTo(target.resolve("runtime/bin/java").toString());
        // the stand-in jlink writes linked-modules: only the second preparation linked
        assertThat(Files.readString(linked).trim()).isEqualTo("java.base,java.sql");
        assertThat(Files.readString(target.resolve("runtime/sigil-modules")).trim()).isEqualTo("java.base,java.sql");
    }

    @Test
    void removesARuntimeImageThatFailsTheTrainingRun_andTrainsTheArchiveWithTheJdksJava(@TempDir Path dir)
            throws Exception {
        Path base = dir.toRealPath();
        Path jdk = linkableJdk(base.resolve("jdk"));
        Files.writeString(jdk.resolve("break-images"), "");
        Path root = Files.createDirectories(base.resolve("checkout"));
        Path script = install(root);
        Path target = root.resolve("sigil-server/target");
        builtAMinuteAgo(target.resolve("sigil.jar"));

        Run r = run(root, withJavaFirstOnPath(jdk, true), "bash", script.toString(), "--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).anyMatch(l -> l.contains("the training run failed on the runtime image"));
        assertThat(target.resolve("runtime")).doesNotExist();
        assertThat(javaCommand(r).get(0)).isEqualTo("java");
        assertThat(javaCommand(r)).contains("-XX:SharedArchiveFile=" + target.resolve("sigil.jsa"));
    }

    @Test
    void linksNoRuntimeImage_whenJavaOnPathIsAShimThatRunsTheJdk_soThatNoStartPreparesAgain(@TempDir Path dir)
            throws Exception {
        Path base = dir.toRealPath();
        Path jdk = linkableJdk(base.resolve("jdk"));
        Path shims = Files.createDirectories(base.resolve("shims"));
        // as version managers (asdf, jenv) put a script named java first on PATH
        executable(shims.resolve("java"), "#!/bin/sh\nexec " + jdk.resolve("bin/java") + " \"$@\"\n");
        Path root = Files.createDirectories(base.resolve("checkout"));
        Path script = install(root);
        Path target = root.resolve("sigil-server/target");
        builtAMinuteAgo(target.resolve("sigil.jar"));
        Map<String, String> env = Map.of("PATH", shims + ":" + System.getenv("PATH"), "SIGIL_CDS", "1");

        Run first = run(root, env, "bash", script.toString(), "--version");
        Run second = run(root, env, "bash", script.toString(), "--version");

        assertThat(first.lines()).anyMatch(l -> l.contains("preparing the start-up caches"));
        assertThat(target.resolve("runtime")).doesNotExist();
        assertThat(javaCommand(first).get(0)).isEqualTo("java");
        assertThat(javaCommand(first)).contains("-XX:SharedArchiveFile=" + target.resolve("sigil.jsa"));
        assertThat(second.lines()).noneMatch(l -> l.contains("preparing"));
        assertThat(javaCommand(second).get(0)).isEqualTo("java");
    }
}
