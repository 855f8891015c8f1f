package io.sigil.policy.internal.validation;

import io.sigil.policy.internal.Json;
import io.sigil.policy.reference.ActionInfo;
import io.sigil.policy.reference.ServiceInfo;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Action and NotAction values (IAM JSON policy elements: Action). IAM itself checks only the shape
 * {@code vendor:name} (one colon, a vendor of letters, digits, '-' and '.', no wildcard in the vendor); whether the
 * action exists is Access Analyzer's check, answered here from the Service Authorization Reference data.
 */
final class ActionChecks {
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9.\\-]+");

    private ActionChecks() {}

    /** The action strings, or null when the element has the wrong shape (already reported). */
    static List<Item> check(Context ctx, Json value, String path) {
        List<Item> actions = Elements.strings(ctx, value, path);
        if (actions == null) {
            return null;
        }
        if (actions.isEmpty()) {
            ctx.add(ctx.iamStored() ? Issue.EMPTY_ACTION : Issue.EMPTY_ARRAY_ACTION, path, value.span());
        }
        for (Item a : actions) {
            one(ctx, a);
        }
        redundant(ctx, actions);
        return actions;
    }

    private static void one(Context ctx, Item a) {
        String s = a.value();
        if (s.equals("*")) {
            return;
        }
        if (s.contains("${")) {
            ctx.add(Issue.VARIABLE_UNSUPPORTED_IN_ELEMENT, a.path(), a.span(), s);
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            ctx.add(Issue.ACTION_WITHOUT_VENDOR, a.path(), a.span(), s);
            return;
        }
        if (s.indexOf(':', colon + 1) >= 0) {
            ctx.add(Issue.ACTION_COLONS, a.path(), a.span(), s);
            return;
        }
        String vendor = s.substring(0, colon);
        String name = s.substring(colon + 1);
        if (Wildcards.hasWildcard(vendor)) {
            ctx.add(Issue.VENDOR_WILDCARD, a.path(), a.span(), s);
            return;
        }
        if (!VENDOR.matcher(vendor).matches()) {
            ctx.add(Issue.VENDOR_INVALID, a.path(), a.span(), vendor);
            return;
        }
        known(ctx, a, vendor, name);
    }

    /**
     * The actions a role trust policy may allow: those of AWS STS that a principal performs on a role (IAM answers
     * anything else with "AssumeRole policy may only specify STS AssumeRole actions."). A wildcard must stay within
     * them.
     */
    private static final List<String> TRUST_ACTIONS = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity", "sts:DecodeAuthorizationMessage", "sts:GetAccessKeyInfo",
            "sts:GetCallerIdentity", "sts:GetFederationToken", "sts:GetServiceBearerToken", "sts:GetSessionToken",
            "sts:SetSourceIdentity", "sts:TagSession", "sts:SetContext", "sts:AssumeRoot");

    static void trust(Context ctx, List<Item> actions) {
        for (Item a : actions) {
            String s = a.value();
            boolean ok = Wildcards.hasWildcard(s)
                    ? s.regionMatches(true, 0, "sts:", 0, 4) && TRUST_ACTIONS.stream().anyMatch(t -> covers(s, t))
                    : TRUST_ACTIONS.stream().anyMatch(s::equalsIgnoreCase);
            if (!ok) {
                ctx.add(Issue.TRUST_POLICY_ACTION, a.path(), a.span(), s);
            }
        }
    }

    /** Access Analyzer: "Invalid service in action" and "Invalid action" (accepted by IAM, so warnings here). */
    private static void known(Context ctx, Item a, String vendor, String name) {
        ServiceInfo service = ctx.reference().service(vendor);
        if (service == null) {
            ctx.add(Issue.INVALID_SERVICE_IN_ACTION, a.path(), a.span(), vendor);
            return;
        }
        if (!Wildcards.hasWildcard(name)) {
            if (service.action(name) == null) {
                ctx.add(Issue.INVALID_ACTION, a.path(), a.span(), a.value());
            }
            return;
        }
        for (ActionInfo info : service.actions()) {
            if (Wildcards.matches(name, info.name(), true)) {
                return;
            }
        }
        ctx.add(Issue.INVALID_ACTION, a.path(), a.span(), a.value());
    }

    /**
     * Access Analyzer "Redundant action": an entry that another entry of the same element already covers (the
     * finding is raised only when all of an entry is covered).
     */
    private static void redundant(Context ctx, List<Item> actions) {
        for (int i = 0; i < actions.size(); i++) {
            Item a = actions.get(i);
            for (int j = 0; j < actions.size(); j++) {
                Item b = actions.get(j);
                if (i == j || !Wildcards.matches(b.value(), a.value(), true)) {
                    continue;
                }
                boolean same = b.value().equalsIgnoreCase(a.value());
                if (!same || j < i) {
                    ctx.add(Issue.REDUNDANT_ACTION, a.path(), a.span(), a.value());
                    break;
                }
            }
        }
    }

    /** Whether an action entry (as written) covers the action, ignoring case as IAM does. */
    static boolean covers(String entry, String action) {
        return Wildcards.matches(entry, action, true);
    }
}
