package io.sigil.policy.internal.validation;

import io.sigil.policy.PolicyType;
import io.sigil.policy.internal.Json;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One statement: its elements, Sid, Effect, and the presence rules each policy type imposes on Principal,
 * Action and Resource (IAM JSON policy grammar; IAM JSON policy elements reference). Element values are checked
 * by {@link ActionChecks}, {@link ResourceChecks}, {@link PrincipalChecks} and {@link ConditionChecks}.
 */
final class StatementChecks {
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    /** IAM JSON policy elements: Sid ("supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers"). */
    private static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");

    private StatementChecks() {}

    static StatementFacts check(Context ctx, Json.JObject st, String path, int index) {
        elements(ctx, st, path);
        Item sid = sid(ctx, st, path);
        String effect = effect(ctx, st, path);

        String actionName = st.get("Action") != null ? "Action" : st.get("NotAction") != null ? "NotAction" : null;
        List<Item> actions = List.of();
        if (actionName == null) {
            ctx.add(Issue.MISSING_ACTION, path, st.span());
        } else {
            List<Item> read = ActionChecks.check(ctx, st.get(actionName), Context.child(path, actionName));
            actions = read == null ? List.of() : read;
            if (ctx.type == PolicyType.TRUST) {
                ActionChecks.trust(ctx, actions);
            }
        }

        String resourceName = st.get("Resource") != null ? "Resource" : st.get("NotResource") != null ? "NotResource" : null;
        List<Item> resources = List.of();
        if (ctx.type == PolicyType.TRUST) {
            // A role trust policy's resource is the role: CreateRole answers "Has prohibited field Resource".
            for (String name : List.of("Resource", "NotResource")) {
                Json.Member m = member(st, name);
                if (m != null) {
                    ctx.add(Issue.PROHIBITED_FIELD, Context.child(path, name), m.nameSpan(), name);
                }
            }
        } else if (resourceName == null) {
            ctx.add(Issue.MISSING_RESOURCE, path, st.span());
        } else {
            List<Item> read = ResourceChecks.check(ctx, st.get(resourceName), Context.child(path, resourceName));
            resources = read == null ? List.of() : read;
        }

        principal(ctx, st, path, effect);
        Set<String> keys = new HashSet<>();
        Json condition = st.get("Condition");
        if (condition != null) {
            keys = ConditionChecks.check(ctx, condition, Context.child(path, "Condition"), effect);
        }
        StatementFacts facts = new StatementFacts(index, path, st.span(), sid, effect, actions,
                "NotAction".equals(actionName), resources, "NotResource".equals(resourceName), resourceName != null,
                keys, Canonical.statement(st));
        OrganizationRules.check(ctx, st, facts);
        SecurityChecks.check(ctx, facts);
        return facts;
    }

    private static void elements(Context ctx, Json.JObject st, String path) {
        Set<String> seen = new HashSet<>();
        for (Json.Member m : st.members()) {
            String p = Context.child(path, m.name());
            if (!seen.add(m.name())) {
                // IAM User Guide, "More than one Effect, Action, or Resource element": new policies are rejected.
                ctx.add(Issue.DUPLICATE_ELEMENT, p, m.nameSpan(), m.name());
            }
            if (!ELEMENTS.contains(m.name())) {
                ctx.add(Issue.INVALID_POLICY_ELEMENT, p, m.nameSpan(), m.name());
            }
        }
        pair(ctx, st, path, "Action", "NotAction");
        pair(ctx, st, path, "Resource", "NotResource");
        pair(ctx, st, path, "Principal", "NotPrincipal");
    }

    private static void pair(Context ctx, Json.JObject st, String path, String a, String b) {
        Json.Member second = member(st, b);
        if (member(st, a) != null && second != null) {
            ctx.add(Issue.UNSUPPORTED_ELEMENT_COMBINATION, Context.child(path, b), second.nameSpan(), a, b);
        }
    }

    private static Item sid(Context ctx, Json.JObject st, String path) {
        Json v = st.get("Sid");
        if (v == null) {
            return null;
        }
        String p = Context.child(path, "Sid");
        if (!(v instanceof Json.JString s)) {
            ctx.add(Issue.DATA_TYPE_MISMATCH, p, v.span(), "string");
            return null;
        }
        if (s.value().isEmpty()) {
            ctx.add(Issue.EMPTY_SID_VALUE, p, v.span());
        } else if (ctx.iamStored() && !SID.matcher(s.value()).matches()) {
            // Resource-based policies of other services (S3, KMS, ...) accept more characters; IAM does not.
            ctx.add(Issue.UNSUPPORTED_SID, p, v.span());
        }
        return new Item(s.value(), p, v.span());
    }

    /** The effect as written when it is Allow or Deny in any case; null otherwise. */
    private static String effect(Context ctx, Json.JObject st, String path) {
        Json v = st.get("Effect");
        String p = Context.child(path, "Effect");
        if (v == null) {
            ctx.add(Issue.MISSING_EFFECT, path, st.span());
            return null;
        }
        if (!(v instanceof Json.JString s)) {
            ctx.add(Issue.DATA_TYPE_MISMATCH, p, v.span(), "string");
            return null;
        }
        String lower = s.value().toLowerCase(Locale.ROOT);
        if (!lower.equals("allow") && !lower.equals("deny")) {
            ctx.add(Issue.INVALID_EFFECT, p, v.span(), s.value());
            return null;
        }
        if (!s.value().equals("Allow") && !s.value().equals("Deny")) {
            // The grammar check ignores case, the legacy parser does not.
            ctx.add(Issue.INVALID_EFFECT_CASE, p, v.span(), s.value());
        }
        return lower.equals("allow") ? "Allow" : "Deny";
    }

    private static void principal(Context ctx, Json.JObject st, String path, String effect) {
        Json.Member m = member(st, "Principal");
        if (m == null) {
            m = member(st, "NotPrincipal");
        }
        if (m == null) {
            if (ctx.principalRequired()) {
                ctx.add(ctx.type == PolicyType.TRUST ? Issue.MISSING_PRINCIPAL_TRUST : Issue.MISSING_PRINCIPAL,
                        path, st.span());
            }
            return;
        }
        String p = Context.child(path, m.name());
        if (ctx.principalProhibited()) {
            ctx.add(Issue.UNSUPPORTED_PRINCIPAL, p, m.nameSpan(), m.name());
        } else if (ctx.type == PolicyType.SCP) {
            ctx.add(Issue.SCP_SYNTAX_ERROR_PRINCIPAL, p, m.nameSpan());
        } else {
            PrincipalChecks.check(ctx, m.value(), p, m.name().equals("NotPrincipal"), effect);
        }
    }

    /** The last member of that name (the one IAM's legacy reading keeps), or null. */
    static Json.Member member(Json.JObject o, String name) {
        Json.Member found = null;
        for (Json.Member m : o.members()) {
            if (m.name().equals(name)) {
                found = m;
            }
        }
        return found;
    }
}
