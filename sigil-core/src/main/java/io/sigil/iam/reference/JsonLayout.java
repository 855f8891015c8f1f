package io.sigil.iam.reference;

/**
 * Lays out compact JSON the way AWS returns AWS managed policy documents (and as {@code JSON.stringify(value, null,
 * 4)} does): one member or element per line, 4-space indentation, {@code ": "} after a key, empty objects and arrays
 * as {@code {}} and {@code []}. The input is compact JSON with no whitespace outside strings; strings are copied
 * as they are.
 */
final class JsonLayout {

    private static final int INDENT = 4;

    private JsonLayout() {
    }

    static String indent(String compact) {
        StringBuilder out = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < compact.length() && compact.charAt(i + 1) == close) {
                        out.append(c).append(close);
                        i++;
                    } else {
                        out.append(c);
                        newline(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newline(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append(" ".repeat(depth * INDENT));
    }
}
