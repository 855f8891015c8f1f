package io.sigil.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy value that may hold policy variables (IAM policy elements: Variables and tags): {@code ${key}},
 * {@code ${key, 'default'}}, and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} that stand for the literal
 * character. Variables are substituted only under Version 2012-10-17; under 2008-10-17 {@code ${...}} is plain
 * text. A variable whose key is absent (and has no default) makes the whole value unresolvable, and an
 * unresolvable value matches nothing.
 */
public final class Template {
    private sealed interface Part permits Lit, Var {}

    /** Text, wildcards active unless {@code literal}. */
    private record Lit(String text, boolean literal) implements Part {}

    private record Var(String keyLower, String defaultValue) implements Part {}

    private final String source;
    private final List<Part> parts;
    private final Glob constant;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        boolean hasVar = parts.stream().anyMatch(p -> p instanceof Var);
        this.constant = hasVar ? null : build(null);
    }

    public static Template parse(String value, boolean variablesEnabled) {
        List<Part> parts = new ArrayList<>();
        if (!variablesEnabled || !value.contains("${")) {
            parts.add(new Lit(value, false));
            return new Template(value, parts);
        }
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < value.length()) {
            int open = value.indexOf("${", i);
            int close = open < 0 ? -1 : value.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                text.append(value, i, value.length());
                break;
            }
            text.append(value, i, open);
            String inner = value.substring(open + 2, close);
            Part special = escape(inner);
            Part var = special != null ? special : variable(inner);
            if (var == null) {
                text.append(value, open, close + 1);
            } else {
                if (text.length() > 0) {
                    parts.add(new Lit(text.toString(), false));
                    text.setLength(0);
                }
                parts.add(var);
            }
            i = close + 1;
        }
        if (text.length() > 0) {
            parts.add(new Lit(text.toString(), false));
        }
        return new Template(value, parts);
    }

    private static Part escape(String inner) {
        if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
            return new Lit(inner, true);
        }
        return null;
    }

    /** {@code key} or {@code key, 'default'}; null when the text is not a variable reference. */
    private static Part variable(String inner) {
        String key = inner;
        String dflt = null;
        int comma = inner.indexOf(',');
        if (comma >= 0) {
            key = inner.substring(0, comma);
            String rest = inner.substring(comma + 1).trim();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
                return null;
            }
            dflt = rest.substring(1, rest.length() - 1);
        }
        key = key.trim();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return new Var(key.toLowerCase(Locale.ROOT), dflt);
    }

    public String source() {
        return source;
    }

    public boolean hasVariables() {
        return constant == null;
    }

    /** The variable keys referenced, lower case. */
    public List<String> variableKeys() {
        List<String> keys = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Var v) {
                keys.add(v.keyLower());
            }
        }
        return keys;
    }

    /** The pattern with variables substituted, or null when a variable is unresolved. */
    public Glob resolve(Variables vars) {
        return constant != null ? constant : build(vars);
    }

    /** Substitutes variables into arrays sized once: values can be megabytes long, so nothing per character is boxed. */
    private Glob build(Variables vars) {
        String[] texts = new String[parts.size()];
        int length = 0;
        for (int i = 0; i < texts.length; i++) {
            Part part = parts.get(i);
            String text = part instanceof Lit lit ? lit.text() : value((Var) part, vars);
            if (text == null) {
                return null;
            }
            texts[i] = text;
            length += text.length();
        }
        char[] chars = new char[length];
        boolean[] wild = new boolean[length];
        int at = 0;
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            text.getChars(0, text.length(), chars, at);
            if (parts.get(i) instanceof Lit lit && !lit.literal()) {
                for (int k = at; k < at + text.length(); k++) {
                    wild[k] = chars[k] == '*' || chars[k] == '?';
                }
            }
            at += text.length();
        }
        return Glob.of(chars, wild);
    }

    /** A variable's request value, else its default, else null (unresolved). */
    private static String value(Var v, Variables vars) {
        String value = vars == null ? null : vars.single(v.keyLower());
        return value != null ? value : v.defaultValue();
    }

    @Override
    public String toString() {
        return source;
    }
}
