package io.sigil.policy.internal.validation;

/**
 * Policy variables in a value (IAM policy elements: Variables and tags): {@code ${key}}, {@code ${key, 'default'}},
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. Variables are substituted only under Version 2012-10-17;
 * elsewhere they are literal text, which is rarely what the author meant.
 */
final class VariableChecks {
    private VariableChecks() {}

    /** Checks every {@code ${...}} in the item; {@code allowed} says whether the element takes variables at all. */
    static void check(Context ctx, Item item, boolean allowed) {
        String s = item.value();
        int from = 0;
        boolean reportedVersion = false;
        while (true) {
            int start = s.indexOf("${", from);
            if (start < 0) {
                return;
            }
            int end = s.indexOf('}', start);
            if (end < 0) {
                ctx.add(Issue.MISSING_BRACE_IN_VARIABLE, item.path(), item.span());
                return;
            }
            String body = s.substring(start + 2, end);
            String name = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            if (!allowed) {
                ctx.add(Issue.VARIABLE_UNSUPPORTED_IN_ELEMENT, item.path(), item.span(), s.substring(start, end + 1));
            } else if (!ctx.variablesEnabled() && !reportedVersion) {
                ctx.add(Issue.VARIABLE_UNSUPPORTED_IN_VERSION, item.path(), item.span(), s.substring(start, end + 1));
                reportedVersion = true;
            }
            if (body.isBlank()) {
                ctx.add(Issue.EMPTY_VARIABLE, item.path(), item.span());
            } else if (name.strip().contains(" ") || !name.equals(name.strip())) {
                ctx.add(Issue.UNSUPPORTED_SPACE_IN_VARIABLE, item.path(), item.span());
            }
            from = end + 1;
        }
    }
}
