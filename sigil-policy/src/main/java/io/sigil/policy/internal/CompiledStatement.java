package io.sigil.policy.internal;

import io.sigil.policy.Effect;
import io.sigil.policy.ElementList;
import io.sigil.policy.Statement;
import io.sigil.policy.StatementRef;

import java.util.List;
import java.util.Locale;

/**
 * A statement ready to evaluate: action patterns lower-cased (actions match case-insensitively), resource
 * patterns as templates (case-sensitive, per ARN component), principal and conditions compiled. Nothing here
 * parses JSON or compiles a regular expression at evaluation time.
 */
public final class CompiledStatement {
    private final StatementRef ref;
    private final Effect effect;
    private final Glob[] actions;
    private final boolean notAction;
    private final Template[] resources;
    private final boolean notResource;
    private final PrincipalMatcher principal;
    private final CompiledCondition[] conditions;
    private final Statement source;
    private final boolean variablesEnabled;
    /** Worked out on first use: only the simulator asks, and enforcement should not pay for it. */
    private volatile List<String> keysRead;

    public CompiledStatement(StatementRef ref, Statement s, boolean variablesEnabled) {
        this.ref = ref;
        this.effect = s.effect();
        ElementList a = s.action();
        this.notAction = a != null && a.negated();
        this.actions = a == null ? null : a.values().stream().map(v -> Glob.of(v).lowerCase()).toArray(Glob[]::new);
        ElementList r = s.resource();
        this.notResource = r != null && r.negated();
        this.resources = r == null ? null
                : r.values().stream().map(v -> Template.parse(v, variablesEnabled)).toArray(Template[]::new);
        this.principal = s.principal() == null ? null : new PrincipalMatcher(s.principal());
        this.conditions = s.conditions().stream().map(c -> CompiledCondition.compile(c, variablesEnabled))
                .toArray(CompiledCondition[]::new);
        this.source = s;
        this.variablesEnabled = variablesEnabled;
    }

    /** The context keys this statement reads, as written (the simulator's MissingContextValues). */
    public List<String> keysRead() {
        List<String> k = keysRead;
        if (k == null) {
            k = io.sigil.policy.ContextKeys.of(source, variablesEnabled);
            keysRead = k;
        }
        return k;
    }

    public StatementRef ref() {
        return ref;
    }

    public Effect effect() {
        return effect;
    }

    public PrincipalMatcher principal() {
        return principal;
    }

    public List<CompiledCondition> conditions() {
        return List.of(conditions);
    }

    /** @param actionLower the request's action in lower case */
    public boolean matchesAction(String actionLower) {
        if (actions == null) {
            return false;
        }
        boolean hit = false;
        for (Glob g : actions) {
            if (g.matches(actionLower)) {
                hit = true;
                break;
            }
        }
        return hit != notAction;
    }

    public boolean matchesResource(String resource, Variables vars) {
        if (resources == null) {
            return true; // trust policies omit Resource: the role itself is the resource
        }
        boolean hit = false;
        for (Template t : resources) {
            Glob g = t.resolve(vars);
            if (g != null && g.matchesArn(resource)) {
                hit = true;
                break;
            }
        }
        return hit != notResource;
    }

    public boolean conditionsHold(EvalContext ctx) {
        for (CompiledCondition c : conditions) {
            if (!c.holds(ctx, effect)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The literal texts the resources this statement can match start with, one per resource pattern; the index
     * files the statement under each. A single empty prefix for NotResource, an absent Resource, or a pattern
     * with a leading wildcard or variable.
     */
    public java.util.Set<String> resourcePrefixes() {
        if (resources == null || notResource || resources.length == 0) {
            return java.util.Set.of("");
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Template t : resources) {
            out.add(literalPrefix(t));
        }
        return out.contains("") ? java.util.Set.of("") : out;
    }

    private static String literalPrefix(Template t) {
        String src = t.source();
        if (t.hasVariables() || src.contains("${")) {
            src = src.substring(0, src.indexOf("${"));
        }
        int i = 0;
        while (i < src.length() && src.charAt(i) != '*' && src.charAt(i) != '?') {
            i++;
        }
        return src.substring(0, i);
    }

    /** The first element that keeps this statement from applying, for explanations; null if it applies. */
    public String failure(String resource, EvalContext ctx) {
        if (!matchesResource(resource, ctx)) {
            String kind = notResource ? "NotResource" : "Resource";
            return kind + " " + describe(resources) + " does not cover " + resource;
        }
        if (principal != null) {
            Grant g = principal.match(ctx.caller(), ctx);
            boolean applies = principal.negated() ? !principal.exempts(ctx.caller(), ctx) : g != Grant.NONE;
            if (!applies) {
                return (principal.negated() ? "NotPrincipal exempts " : "Principal does not name ") + ctx.caller().arn();
            }
        }
        for (CompiledCondition c : conditions) {
            if (!c.holds(ctx, effect)) {
                return c.failure(ctx);
            }
        }
        return null;
    }

    private static String describe(Template[] ts) {
        if (ts.length == 1) {
            return ts[0].source();
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ts[i].source());
        }
        return sb.append(']').toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
