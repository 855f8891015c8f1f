package io.sigil.policy.internal.validation;

import io.sigil.policy.PolicyType;
import io.sigil.policy.internal.Json;

/**
 * Rules AWS Organizations adds for resource control policies (AWS Organizations User Guide, "RCP syntax"): Deny
 * only (Allow is reserved for the RCPFullAWSAccess policy), {@code "Principal": "*"} only, no NotPrincipal, no
 * NotAction, and actions of the services RCPs support. Service control policies accept the full IAM language
 * since September 2025 except Principal and NotPrincipal (checked with the statement's elements).
 */
final class OrganizationRules {
    private OrganizationRules() {}

    static void check(Context ctx, Json.JObject st, StatementFacts facts) {
        if (ctx.type != PolicyType.RCP) {
            return;
        }
        Json.Member principal = StatementChecks.member(st, "Principal");
        Json.Member notPrincipal = StatementChecks.member(st, "NotPrincipal");
        if (facts.allows() && !fullAccess(st)) {
            ctx.add(Issue.RCP_ALLOW, Context.child(facts.path(), "Effect"), facts.span());
        }
        if (notPrincipal != null) {
            ctx.add(Issue.RCP_NOT_PRINCIPAL, Context.child(facts.path(), "NotPrincipal"), notPrincipal.nameSpan());
        }
        if (principal != null && !everyone(principal.value())) {
            ctx.add(Issue.RCP_PRINCIPAL, Context.child(facts.path(), "Principal"), principal.nameSpan());
        }
        if (facts.notAction()) {
            ctx.add(Issue.RCP_NOT_ACTION, Context.child(facts.path(), "NotAction"), facts.span());
            return;
        }
        for (Item a : facts.actions()) {
            int colon = a.value().indexOf(':');
            String vendor = colon < 0 ? a.value() : a.value().substring(0, colon);
            if (!(facts.allows() && a.value().equals("*")) && !ctx.reference().rcpSupports(vendor)) {
                ctx.add(Issue.RCP_UNSUPPORTED_SERVICE, a.path(), a.span(), a.value());
            }
        }
    }

    private static boolean everyone(Json v) {
        if (v instanceof Json.JString s) {
            return s.value().equals("*");
        }
        return v instanceof Json.JObject o && o.members().size() == 1 && "*".equals(Json.scalarText(o.get("AWS")));
    }

    /** The shape of RCPFullAWSAccess: Allow * to * on *, without conditions. */
    private static boolean fullAccess(Json.JObject st) {
        return "*".equals(Json.scalarText(st.get("Action"))) && "*".equals(Json.scalarText(st.get("Resource")))
                && st.get("Condition") == null;
    }
}
