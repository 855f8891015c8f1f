package io.sigil.policy.internal.validation;

import io.sigil.policy.Policy;
import io.sigil.policy.PolicyType;
import io.sigil.policy.internal.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The document level: top-level elements, Version, Id and the shape of Statement (IAM JSON policy grammar; IAM
 * JSON policy elements: Version, Id, Statement), then each statement, then the checks across statements.
 */
final class DocumentChecks {
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");

    private DocumentChecks() {}

    static void check(Context ctx, Json.JObject root) {
        Set<String> seen = new HashSet<>();
        for (Json.Member m : root.members()) {
            if (!seen.add(m.name())) {
                ctx.add(Issue.DUPLICATE_ELEMENT, m.name(), m.nameSpan(), m.name());
            }
            if (!TOP_LEVEL.contains(m.name())) {
                ctx.add(Issue.INVALID_POLICY_ELEMENT, m.name(), m.nameSpan(), m.name());
            }
        }
        version(ctx, root);
        id(ctx, root);
        List<StatementFacts> facts = new ArrayList<>();
        Json statement = root.get("Statement");
        if (statement == null) {
            ctx.add(Issue.MISSING_STATEMENT, "", root.span());
        } else if (statement instanceof Json.JObject o) {
            facts.add(StatementChecks.check(ctx, o, "Statement", 0));
        } else if (statement instanceof Json.JArray a) {
            if (a.items().isEmpty()) {
                ctx.add(Issue.MISSING_STATEMENT, "Statement", a.span());
            }
            for (int i = 0; i < a.items().size(); i++) {
                Json item = a.items().get(i);
                String path = Context.index("Statement", i);
                if (item instanceof Json.JObject o) {
                    facts.add(StatementChecks.check(ctx, o, path, i));
                } else {
                    ctx.add(Issue.DATA_TYPE_MISMATCH, path, item.span(), "object");
                }
            }
        } else {
            ctx.add(Issue.DATA_TYPE_MISMATCH, "Statement", statement.span(), "object or array of objects");
        }
        CrossStatementChecks.check(ctx, facts);
    }

    private static void version(Context ctx, Json.JObject root) {
        Json v = root.get("Version");
        if (v == null) {
            if (ctx.managed) {
                ctx.add(Issue.VERSION_2012_REQUIRED, "", root.span());
            } else {
                ctx.add(Issue.MISSING_VERSION, "", root.span());
            }
            return;
        }
        if (!(v instanceof Json.JString s)) {
            ctx.add(Issue.DATA_TYPE_MISMATCH, "Version", v.span(), "string");
            return;
        }
        ctx.version = s.value();
        if (!Policy.VERSION_2012.equals(s.value()) && !Policy.VERSION_2008.equals(s.value())) {
            ctx.add(Issue.INVALID_VERSION, "Version", v.span(), s.value());
        } else if (ctx.managed && Policy.VERSION_2008.equals(s.value())) {
            ctx.add(Issue.VERSION_2012_REQUIRED, "Version", v.span());
        }
    }

    private static void id(Context ctx, Json.JObject root) {
        Json id = root.get("Id");
        if (id == null) {
            return;
        }
        if (!(id instanceof Json.JString)) {
            ctx.add(Issue.DATA_TYPE_MISMATCH, "Id", id.span(), "string");
        } else if (ctx.type == PolicyType.IDENTITY) {
            // IAM JSON policy elements: Id ("The Id element is ... not supported in identity-based policies"); IAM
            // stores it all the same, so this is advice, not an error.
            ctx.add(Issue.ID_IN_IDENTITY_POLICY, "Id", id.span());
        }
    }
}
