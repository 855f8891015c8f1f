package io.sigil.policy.internal;

import io.sigil.policy.Caller;
import io.sigil.policy.PrincipalBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches the caller against a {@code Principal}/{@code NotPrincipal} element (IAM JSON policy elements:
 * Principal). Equivalent forms are one: {@code "*"} and {@code {"AWS":"*"}}; an account id and its root ARN.
 * A role ARN covers every session of the role; a unique id ({@code AIDA…}, {@code AROA…}) names the entity it
 * was issued to, compared with {@code aws:userid}.
 */
public final class PrincipalMatcher {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z]{3}[A-Z0-9]{12,124}");

    private enum Kind { WILDCARD, ACCOUNT, USER, ROLE, SESSION, FEDERATED_USER, UNIQUE_USER, UNIQUE_ROLE,
        SERVICE, FEDERATED, CANONICAL, OTHER }

    private record Entry(Kind kind, String value, String account) {}

    private final List<Entry> entries;
    private final boolean negated;

    public PrincipalMatcher(PrincipalBlock block) {
        this.negated = block.negated();
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : block.entries().entrySet()) {
            for (String v : e.getValue()) {
                list.add(classify(e.getKey(), v));
            }
        }
        this.entries = List.copyOf(list);
    }

    public boolean negated() {
        return negated;
    }

    private static Entry classify(String type, String v) {
        switch (type) {
            case "AWS":
                return classifyAws(v);
            case "Service":
                return new Entry(Kind.SERVICE, v.toLowerCase(Locale.ROOT), null);
            case "Federated":
                return new Entry(Kind.FEDERATED, v, null);
            case "CanonicalUser":
                return new Entry(Kind.CANONICAL, v, null);
            default:
                return new Entry(Kind.OTHER, v, null);
        }
    }

    private static Entry classifyAws(String v) {
        if (v.equals("*")) {
            return new Entry(Kind.WILDCARD, v, null);
        }
        if (ACCOUNT.matcher(v).matches()) {
            return new Entry(Kind.ACCOUNT, v, v);
        }
        if (UNIQUE_ID.matcher(v).matches()) {
            if (v.startsWith("AIDA")) {
                return new Entry(Kind.UNIQUE_USER, v, null);
            }
            if (v.startsWith("AROA")) {
                return new Entry(Kind.UNIQUE_ROLE, v, null);
            }
        }
        Caller named = Caller.parse(v);
        switch (named.kind()) {
            case ROOT: return new Entry(Kind.ACCOUNT, v, named.account());
            case USER: return new Entry(Kind.USER, v, named.account());
            case ROLE: return new Entry(Kind.ROLE, named.name(), named.account());
            case ASSUMED_ROLE: return new Entry(Kind.SESSION, v, named.account());
            case FEDERATED_USER: return new Entry(Kind.FEDERATED_USER, v, named.account());
            default: return new Entry(Kind.OTHER, v, null);
        }
    }

    /** How the element (read positively) names the caller. */
    public Grant match(Caller c, EvalContext ctx) {
        Grant best = Grant.NONE;
        for (Entry e : entries) {
            best = best.max(matchOne(e, c, ctx));
            if (best == Grant.DIRECT) {
                break;
            }
        }
        return best;
    }

    private static Grant matchOne(Entry e, Caller c, EvalContext ctx) {
        switch (e.kind()) {
            case WILDCARD:
                return Grant.DIRECT;
            case ACCOUNT:
                return c.hasIdentity() && e.account().equals(c.account()) ? Grant.ACCOUNT : Grant.NONE;
            case USER:
                return c.kind() == Caller.Kind.USER && e.value().equals(c.arn()) ? Grant.DIRECT : Grant.NONE;
            case ROLE:
                return isRole(c) && e.account().equals(c.account()) && e.value().equals(c.name()) ? Grant.ROLE : Grant.NONE;
            case SESSION:
                return c.kind() == Caller.Kind.ASSUMED_ROLE && e.value().equals(c.arn()) ? Grant.DIRECT : Grant.NONE;
            case FEDERATED_USER:
                return c.kind() == Caller.Kind.FEDERATED_USER && e.value().equals(c.arn()) ? Grant.DIRECT : Grant.NONE;
            case UNIQUE_USER:
                return c.kind() == Caller.Kind.USER && e.value().equals(ctx.single("aws:userid")) ? Grant.DIRECT : Grant.NONE;
            case UNIQUE_ROLE: {
                String uid = ctx.single("aws:userid");
                boolean hit = isRole(c) && uid != null && (uid.equals(e.value()) || uid.startsWith(e.value() + ":"));
                return hit ? Grant.ROLE : Grant.NONE;
            }
            case SERVICE:
                return c.kind() == Caller.Kind.SERVICE && e.value().equals(c.arn().toLowerCase(Locale.ROOT))
                        ? Grant.DIRECT : Grant.NONE;
            case FEDERATED:
                return c.kind() == Caller.Kind.WEB_IDENTITY && e.value().equals(c.arn()) ? Grant.DIRECT : Grant.NONE;
            case CANONICAL:
                return e.value().equals(c.arn()) ? Grant.DIRECT : Grant.NONE;
            default:
                return Grant.NONE;
        }
    }

    private static boolean isRole(Caller c) {
        return c.kind() == Caller.Kind.ASSUMED_ROLE || c.kind() == Caller.Kind.ROLE;
    }

    /**
     * Whether a {@code NotPrincipal} element exempts the caller. IAM checks the caller's chain from the top
     * (IAM JSON policy elements: NotPrincipal): the account, then the role, then the session (or the user, or the
     * federated user). The caller is exempt only when every link of the chain is listed.
     */
    public boolean exempts(Caller c, EvalContext ctx) {
        if (entries.stream().anyMatch(e -> e.kind() == Kind.WILDCARD)) {
            return true;
        }
        switch (c.kind()) {
            case ANONYMOUS:
                return false;
            case ROOT:
                return lists(c, ctx, Grant.ACCOUNT);
            case ROLE:
                return lists(c, ctx, Grant.ACCOUNT) && lists(c, ctx, Grant.ROLE);
            case ASSUMED_ROLE:
                return lists(c, ctx, Grant.ACCOUNT) && lists(c, ctx, Grant.ROLE) && lists(c, ctx, Grant.DIRECT);
            case USER:
            case FEDERATED_USER:
                return lists(c, ctx, Grant.ACCOUNT) && lists(c, ctx, Grant.DIRECT);
            default:
                return lists(c, ctx, Grant.DIRECT);
        }
    }

    private boolean lists(Caller c, EvalContext ctx, Grant level) {
        for (Entry e : entries) {
            if (matchOne(e, c, ctx) == level) {
                return true;
            }
        }
        return false;
    }
}
