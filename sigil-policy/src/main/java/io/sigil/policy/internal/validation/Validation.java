package io.sigil.policy.internal.validation;

import io.sigil.policy.PolicyType;
import io.sigil.policy.SourceSpan;
import io.sigil.policy.ValidationReport;
import io.sigil.policy.internal.Json;
import io.sigil.policy.internal.JsonReader;

/** Runs every check over one document and builds the report. The public entry point is PolicyValidator. */
public final class Validation {
    /** IAM quotas: "Managed policy size: 6,144 characters" (whitespace not counted). */
    static final int IDENTITY_POLICY_MAX = 6_144;
    /** AWS Organizations quotas: "Maximum size of a policy document: SCPs and RCPs 5,120 characters" (all characters). */
    static final int ORGANIZATIONS_POLICY_MAX = 5_120;

    private Validation() {}

    public static ValidationReport run(String text, PolicyType type, boolean managed, int size) {
        Context ctx = new Context(type, managed);
        characters(ctx, text);
        Json tree;
        try {
            tree = JsonReader.read(text);
        } catch (JsonReader.SyntaxError e) {
            SourceSpan at = new SourceSpan(e.line(), e.column(), e.line(), e.column(), -1, -1);
            ctx.add(type == PolicyType.TRUST ? Issue.TRUST_JSON_SYNTAX_ERROR : Issue.JSON_SYNTAX_ERROR, "", at,
                    "Fix the JSON syntax error at line " + e.line() + " column " + e.column() + ".");
            return new ValidationReport(ctx.findings.sorted(), size);
        }
        if (!(tree instanceof Json.JObject root)) {
            ctx.add(Issue.JSON_SYNTAX_ERROR, "", tree.span(), "A policy document must be a JSON object.");
            return new ValidationReport(ctx.findings.sorted(), size);
        }
        DocumentChecks.check(ctx, root);
        size(ctx, text, type, size);
        return new ValidationReport(ctx.findings.sorted(), size);
    }

    /** IAM API Reference, PolicyDocument: "[\u0009\u000A\u000D\u0020-\u00FF]+". Reported once, where it first fails. */
    private static void characters(Context ctx, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r' && (c < 0x20 || c > 0xFF)) {
                int cp = text.codePointAt(i);
                ctx.add(Issue.INVALID_CHARACTER, "", new SourceSpan(line, column, line, column + 1, i, i + 1),
                        String.format(java.util.Locale.ROOT, "U+%04X", cp));
                return;
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private static void size(Context ctx, String text, PolicyType type, int size) {
        if ((type == PolicyType.IDENTITY || type == PolicyType.PERMISSIONS_BOUNDARY) && size > IDENTITY_POLICY_MAX) {
            ctx.add(Issue.POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA, "", SourceSpan.NONE);
        }
        if ((type == PolicyType.SCP || type == PolicyType.RCP) && text.length() > ORGANIZATIONS_POLICY_MAX) {
            ctx.add(Issue.POLICY_SIZE_EXCEEDS_SCP_QUOTA, "", SourceSpan.NONE, text.length(), ORGANIZATIONS_POLICY_MAX);
        }
    }
}
