package io.sigil.policy.internal.validation;

import io.sigil.policy.internal.Json;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Principal and NotPrincipal (IAM JSON policy elements: Principal). IAM rejects a principal it cannot read with
 * {@code Invalid principal in policy: "AWS":"..."} (the key upper-cased: {@code "SERVICE":"..."}); it also rejects
 * user and role ARNs that do not exist, which a validator without the account's entities cannot know.
 */
final class PrincipalChecks {
    private static final List<String> KEYS = List.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern AWS_ARN = Pattern.compile(
            "arn:aws:iam::(\\d{12}|aws|cloudfront):(root|(user|role|federated-user)/.+)"
                    + "|arn:aws:sts::\\d{12}:(assumed-role/[^/]+/.+|federated-user/.+)");
    /** Unique IDs of users (AIDA) and roles (AROA): IAM identifiers, "Unique identifiers". */
    private static final Pattern USER_ID = Pattern.compile("AIDA[A-Z0-9]{12,}");
    private static final Pattern ROLE_ID = Pattern.compile("AROA[A-Z0-9]{12,}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.\\-]*\\.(amazonaws\\.com(\\.cn)?|amazon\\.com)");
    private static final Pattern FEDERATED = Pattern.compile(
            "arn:aws:iam::\\d{12}:(saml-provider|oidc-provider)/.+|cognito-identity\\.amazonaws\\.com|www\\.amazon\\.com"
                    + "|graph\\.facebook\\.com|accounts\\.google\\.com");
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{64}");

    private PrincipalChecks() {}

    static void check(Context ctx, Json v, String path, boolean not, String effect) {
        if (not && "Allow".equals(effect)) {
            ctx.add(Issue.ALLOW_WITH_NOT_PRINCIPAL, path, v.span());
        }
        if (v instanceof Json.JString s) {
            if (!s.value().equals("*")) {
                ctx.add(Issue.INVALID_PRINCIPAL_FORMAT, path, v.span());
            }
            return;
        }
        if (!(v instanceof Json.JObject o)) {
            ctx.add(Issue.INVALID_PRINCIPAL_FORMAT, path, v.span());
            return;
        }
        if (o.members().isEmpty()) {
            ctx.add(Issue.EMPTY_OBJECT_PRINCIPAL, path, v.span());
        }
        for (Json.Member m : o.members()) {
            String p = Context.child(path, m.name());
            if (!KEYS.contains(m.name())) {
                ctx.add(Issue.INVALID_PRINCIPAL_KEY, p, m.nameSpan(), m.name());
                continue;
            }
            List<Item> values = Elements.strings(ctx, m.value(), p);
            if (values == null) {
                continue;
            }
            if (values.isEmpty()) {
                ctx.add(Issue.EMPTY_ARRAY_PRINCIPAL, p, m.value().span());
            }
            for (Item item : values) {
                value(ctx, m.name(), item);
            }
        }
    }

    private static void value(Context ctx, String key, Item item) {
        String s = item.value();
        String upper = key.toUpperCase(Locale.ROOT);
        if (s.contains("${")) {
            VariableChecks.check(ctx, item, false);
        }
        if (key.equals("AWS") && USER_ID.matcher(s).matches()) {
            ctx.add(Issue.INVALID_USER_REFERENCE, item.path(), item.span(), s);
            return;
        }
        if (key.equals("AWS") && ROLE_ID.matcher(s).matches()) {
            ctx.add(Issue.INVALID_ROLE_REFERENCE, item.path(), item.span(), s);
            return;
        }
        if (!s.equals("*") && Wildcards.hasWildcard(s)) {
            // "You cannot use a wildcard to match part of a principal name or ARN."
            ctx.add(Issue.UNSUPPORTED_WILDCARD_IN_PRINCIPAL, item.path(), item.span(), upper, s);
        } else if (!valid(key, s)) {
            ctx.add(Issue.INVALID_PRINCIPAL, item.path(), item.span(), upper, s, key);
        }
    }

    private static boolean valid(String key, String s) {
        switch (key) {
            case "AWS":
                return s.equals("*") || ACCOUNT.matcher(s).matches() || AWS_ARN.matcher(s).matches();
            case "Service":
                return SERVICE.matcher(s).matches();
            case "Federated":
                return FEDERATED.matcher(s).matches();
            default:
                return CANONICAL.matcher(s).matches();
        }
    }
}
