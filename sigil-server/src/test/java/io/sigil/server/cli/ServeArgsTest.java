package io.sigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.SigilCommand;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The fast path for plain {@code sigil serve} command lines (cold start) gives exactly what picocli's parse gives,
 * and leaves everything else to picocli.
 */
class ServeArgsTest {

    static Stream<List<String>> plainCommandLines() {
        return Stream.of(
                List.of("serve"),
                List.of("serve", "--ephemeral", "--port", "0"),
                List.of("serve", "--port=0", "--ephemeral"),
                List.of("serve", "--port", "8080", "--bind", "0.0.0.0", "--data-dir", "/tmp/sigil", "--db",
                        "jdbc:postgresql://h:5432/db", "--enforce", "audit", "--dev", "--self-check"),
                List.of("serve", "--enforce=off", "--data-dir=rel/dir", "--bind=::1"),
                List.of("serve", "--db=jdbc:postgresql://h/db?ssl=true&x=y", "--port", "65535"),
                List.of("serve", "--bind", "a=b"),
                List.of("serve", "--data-dir", "./with space", "--ephemeral"),
                List.of("serve", "--ephemeral", "--allow-http-loopback-idp"),
                List.of("serve", "--quota", "UsersPerAccount=3", "--ephemeral", "--quota=GroupsPerUser=2"));
    }

    /** Command lines for picocli: help, errors, and forms whose reading picocli owns. */
    static Stream<String> otherCommandLines() {
        return Stream.of(
                "", "policy test x.json", "account create", "--help", "serve --help", "serve -h", "serve --version",
                "serve -V", "serve --port 1 --port 2", "serve --port=1 --port 2", "serve --ephemeral --ephemeral",
                "serve --ephemeral=true", "serve --port 08", "serve --port 0x10", "serve --port -1", "serve --port",
                "serve --port 99999999999", "serve --bogus", "serve extra", "serve @args.txt", "serve -- --port 1",
                "serve --bind=", "serve --bind -x", "serve --eph", "serve --PORT 1", "Serve", "serve --data-dir");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("plainCommandLines")
    void aPlainServeCommandLine_givesWhatPicocliGives(List<String> line) {
        String[] args = line.toArray(String[]::new);
        ServeCommand fast = ServeArgs.parse(args).orElseThrow();
        ServeCommand picocli = picocliParse(args);

        assertThat(fields(fast)).isEqualTo(fields(picocli));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("otherCommandLines")
    void anyOtherCommandLine_isLeftToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        assertThat(ServeArgs.parse(args)).isEmpty();
    }

    @Test
    void everyOptionOfServe_isKnownToTheFastPath() {
        List<String> options = new CommandLine(new ServeCommand()).getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .flatMap(o -> Arrays.stream(o.names()))
                .toList();
        assertThat(options).as("teach ServeArgs every serve option (or it is parsed by picocli, slowly)")
                .allMatch(n -> ServeArgs.FLAGS.contains(n) || ServeArgs.VALUED.contains(n));
        assertThat(new CommandLine(new ServeCommand()).getCommandSpec().options().stream()
                .filter(o -> ServeArgs.FLAGS.contains(o.longestName())).map(OptionSpec::arity))
                .allMatch(a -> a.max() == 0);
    }

    private static ServeCommand picocliParse(String[] args) {
        CommandLine.ParseResult r = SigilCommand.commandLine().parseArgs(args);
        return (ServeCommand) r.subcommand().commandSpec().userObject();
    }

    private static List<Object> fields(ServeCommand c) {
        return Arrays.asList(c.port, c.bind, c.dataDir, c.db, c.enforce, c.ephemeral, c.dev, c.selfCheck,
                List.copyOf(c.quotas), c.allowHttpLoopbackIdp);
    }
}
