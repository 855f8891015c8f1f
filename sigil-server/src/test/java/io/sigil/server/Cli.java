package io.sigil.server;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the sigil command tree in-process, as {@code ./sigil ARGS} would, and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        return run(SigilCommand.commandLine(), args);
    }

    public static Cli run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The printed lines of stdout, without line terminators. */
    public List<String> outLines() {
        return out.lines().toList();
    }
}
