package io.sigil.policy.internal.validation;

import io.sigil.policy.PolicyType;

/**
 * Access Analyzer's checks on what an Allow statement grants (IAM User Guide, "Access Analyzer policy check
 * reference": Pass role ..., Create SLR ...), and the IAM User Guide's advice against Allow with NotAction or
 * NotResource ("IAM JSON policy elements: NotAction", "NotResource"). The iam:PassRole and
 * iam:CreateServiceLinkedRole checks apply to identity-based policies, where Access Analyzer runs them.
 */
final class SecurityChecks {
    private SecurityChecks() {}

    static void check(Context ctx, StatementFacts st) {
        if (!st.allows() || ctx.type == PolicyType.RCP) {
            return;
        }
        if (st.notAction()) {
            ctx.add(Issue.ALLOW_WITH_NOT_ACTION, st.path(), st.span());
        }
        if (st.notResource()) {
            ctx.add(Issue.ALLOW_WITH_NOT_RESOURCE, st.path(), st.span());
        }
        if (ctx.type == PolicyType.IDENTITY) {
            passRole(ctx, st);
            createServiceLinkedRole(ctx, st);
        }
    }

    private static void passRole(Context ctx, StatementFacts st) {
        Grant g = grant(st, "iam:PassRole");
        boolean narrowed = st.conditionKeys().contains("iam:passedtoservice");
        if (g == Grant.NONE) {
            return;
        }
        boolean starResource = starResource(st);
        if (st.notAction()) {
            if (st.notResource()) {
                ctx.add(Issue.PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE, st.path(), st.span());
            } else if (starResource && !narrowed) {
                ctx.add(Issue.PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION, st.path(), st.span());
            }
        } else if (st.notResource()) {
            ctx.add(g == Grant.EXPLICIT ? Issue.PASS_ROLE_WITH_NOT_RESOURCE
                    : Issue.PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE, st.path(), st.span());
        } else if (starResource && !narrowed) {
            ctx.add(g == Grant.EXPLICIT ? Issue.PASS_ROLE_WITH_STAR_IN_RESOURCE
                    : Issue.PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE, st.path(), st.span());
        }
    }

    private static void createServiceLinkedRole(Context ctx, StatementFacts st) {
        Grant g = grant(st, "iam:CreateServiceLinkedRole");
        if (g == Grant.NONE || st.notAction() || st.notResource() || !starResource(st)
                || st.conditionKeys().contains("iam:awsservicename")) {
            return;
        }
        ctx.add(g == Grant.EXPLICIT ? Issue.CREATE_SLR_WITH_STAR_IN_RESOURCE
                : Issue.CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE, st.path(), st.span());
    }

    private enum Grant { NONE, EXPLICIT, WILDCARD }

    /** Whether the statement's Action (or NotAction) reaches the action, by name or by a wildcard. */
    private static Grant grant(StatementFacts st, String action) {
        boolean listed = false;
        boolean explicit = false;
        for (Item a : st.actions()) {
            if (ActionChecks.covers(a.value(), action)) {
                listed = true;
                explicit |= !Wildcards.hasWildcard(a.value());
            }
        }
        if (st.notAction()) {
            return listed || st.actions().isEmpty() ? Grant.NONE : Grant.WILDCARD;
        }
        return !listed ? Grant.NONE : explicit ? Grant.EXPLICIT : Grant.WILDCARD;
    }

    /** A resource with a wildcard, as Access Analyzer's "star in resource" reads it. */
    private static boolean starResource(StatementFacts st) {
        return !st.notResource() && st.resources().stream().anyMatch(r -> r.value().contains("*"));
    }
}
