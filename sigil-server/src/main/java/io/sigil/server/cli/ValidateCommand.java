package io.sigil.server.cli;

import io.sigil.policy.Finding;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sigil policy validate}: one line per finding, {@code FILE:LINE:COL: SEVERITY CODE message}, in the style
 * of IAM Access Analyzer's ValidatePolicy. Exit 1 if any finding is an error (IAM would reject the policy with
 * MalformedPolicyDocument), 2 if a file cannot be read, else 0.
 */
@Command(name = "validate",
        description = {"Check policy documents as IAM would, and report findings.",
                "Prints one line per finding: FILE:LINE:COL: SEVERITY CODE message"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings and suggestions may be printed)",
                "1:a policy has an error IAM would reject",
                "2:usage error or unreadable file"})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "identity",
            converter = PolicyTypes.Converter.class, completionCandidates = PolicyTypes.Names.class,
            description = "Policy type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private PolicyType type;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy documents (JSON) to validate.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean errors = false;
        boolean unreadable = false;
        for (Path file : files) {
            String text;
            try {
                text = TextFiles.read(file);
            } catch (TextFiles.Unreadable e) {
                err.println("sigil: " + e.getMessage());
                unreadable = true;
                continue;
            }
            ValidationReport report = PolicyValidator.validate(text, type);
            for (Finding f : report.findings()) {
                out.println(line(file, f));
            }
            errors |= report.hasErrors();
        }
        out.flush();
        err.flush();
        return unreadable ? CommandLine.ExitCode.USAGE : errors ? 1 : 0;
    }

    private static String line(Path file, Finding f) {
        return file + ":" + f.line() + ":" + f.column() + ": " + f.severity() + " " + f.code() + " " + f.message();
    }
}
