package io.sigil.policy;

import io.sigil.policy.internal.Json;
import io.sigil.policy.internal.JsonReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates policy text for its type, in the style of IAM Access Analyzer's ValidatePolicy: errors are exactly
 * what IAM rejects with MalformedPolicyDocument (with IAM's messages); security warnings, warnings and
 * suggestions follow Access Analyzer's policy checks.
 */
public final class PolicyValidator {
    private PolicyValidator() {}

    public static ValidationReport validate(String text, PolicyType type) {
        List<Finding> findings = new ArrayList<>();
        int size = nonWhitespaceSize(text);
        Json tree;
        try {
            tree = JsonReader.read(text);
        } catch (JsonReader.SyntaxError e) {
            findings.add(PolicyParser.syntaxError(e.line(), e.column()));
            return new ValidationReport(findings, size);
        }
        if (!(tree instanceof Json.JObject root)) {
            findings.add(PolicyParser.syntaxError(tree.span().line(), tree.span().column()));
            return new ValidationReport(findings, size);
        }
        Policy policy = PolicyParser.fromTree(text, root);
        // Structural and semantic checks are added here (issue: validation).
        return new ValidationReport(findings, size);
    }

    /** Characters that count against IAM's policy size quotas: all but whitespace outside JSON strings. */
    public static int nonWhitespaceSize(String text) {
        int n = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                n++;
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!Character.isWhitespace(c)) {
                n++;
                if (c == '"') {
                    inString = true;
                }
            }
        }
        return n;
    }
}
