package io.sigil.policy;

import io.sigil.policy.internal.Json;
import io.sigil.policy.internal.JsonReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads policy text into an immutable {@link Policy}. Lenient and total: any JSON object becomes a policy (the
 * {@link PolicyValidator} says what is wrong with it); only text that is not a JSON object fails. Element names
 * are case-sensitive, elements may come in any order, and duplicated elements follow IAM's legacy reading
 * (IAM User Guide, "More than one Effect, Action, or Resource element": the last Effect wins, Action and
 * Resource lists merge).
 */
public final class PolicyParser {
    private PolicyParser() {}

    public static ParseResult parse(String text) {
        Json tree;
        try {
            tree = JsonReader.read(text);
        } catch (JsonReader.SyntaxError e) {
            return new ParseResult(null, syntaxError(e.line(), e.column()));
        }
        if (!(tree instanceof Json.JObject root)) {
            return new ParseResult(null, syntaxError(tree.span().line(), tree.span().column()));
        }
        return new ParseResult(fromTree(text, root), null);
    }

    /** Parses text that must be a valid policy object, for callers that validated it already. */
    public static Policy parseOrThrow(String text) {
        ParseResult r = parse(text);
        if (!r.ok()) {
            throw new IllegalArgumentException("not a policy document: " + r.syntaxError().message());
        }
        return r.policy();
    }

    static Finding syntaxError(int line, int column) {
        return new Finding(Severity.ERROR, "JSON_SYNTAX_ERROR", "Syntax errors in policy.", "", line, column);
    }

    /** Builds the policy model from an already read tree (shared with the validator). */
    public static Policy fromTree(String text, Json.JObject root) {
        String version = null;
        String id = null;
        List<Json.JObject> statementObjects = new ArrayList<>();
        for (Json.Member m : root.members()) {
            switch (m.name()) {
                case "Version":
                    version = Json.scalarText(m.value());
                    break;
                case "Id":
                    id = Json.scalarText(m.value());
                    break;
                case "Statement":
                    collectStatements(m.value(), statementObjects);
                    break;
                default:
                    break;
            }
        }
        List<Statement> statements = new ArrayList<>(statementObjects.size());
        for (Json.JObject o : statementObjects) {
            statements.add(readStatement(statements.size(), o));
        }
        return new Policy(text, version, id, statements);
    }

    private static void collectStatements(Json v, List<Json.JObject> out) {
        if (v instanceof Json.JObject o) {
            out.add(o);
        } else if (v instanceof Json.JArray a) {
            for (Json item : a.items()) {
                if (item instanceof Json.JObject o) {
                    out.add(o);
                }
            }
        }
    }

    private static Statement readStatement(int index, Json.JObject o) {
        String sid = null;
        Effect effect = null;
        PrincipalBlock principal = null;
        ElementBuilder action = new ElementBuilder();
        ElementBuilder resource = new ElementBuilder();
        List<ConditionEntry> conditions = new ArrayList<>();
        for (Json.Member m : o.members()) {
            Json v = m.value();
            switch (m.name()) {
                case "Sid":
                    sid = Json.scalarText(v);
                    break;
                case "Effect":
                    effect = Effect.parse(Json.scalarText(v));
                    break;
                case "Principal":
                case "NotPrincipal":
                    if (principal == null) {
                        principal = readPrincipal(v, m.name().equals("NotPrincipal"));
                    }
                    break;
                case "Action":
                case "NotAction":
                    action.add(v, m.name().startsWith("Not"));
                    break;
                case "Resource":
                case "NotResource":
                    resource.add(v, m.name().startsWith("Not"));
                    break;
                case "Condition":
                    readConditions(v, conditions);
                    break;
                default:
                    break;
            }
        }
        return new Statement(index, sid, effect, principal, action.build(), resource.build(), conditions, o.span());
    }

    /** Merges duplicated Action/Resource elements of one kind; the first kind seen decides Not… or not. */
    private static final class ElementBuilder {
        private List<String> values;
        private boolean negated;
        private SourceSpan span;

        void add(Json v, boolean not) {
            if (values == null) {
                values = new ArrayList<>();
                negated = not;
                span = v.span();
            } else if (negated != not) {
                return;
            }
            values.addAll(strings(v));
        }

        ElementList build() {
            return values == null ? null : new ElementList(values, negated, span);
        }
    }

    private static PrincipalBlock readPrincipal(Json v, boolean negated) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        boolean bare = false;
        if (v instanceof Json.JString s) {
            bare = true;
            entries.put("AWS", List.of(s.value()));
        } else if (v instanceof Json.JObject o) {
            for (Json.Member m : o.members()) {
                entries.computeIfAbsent(m.name(), k -> new ArrayList<>()).addAll(strings(m.value()));
            }
        }
        return new PrincipalBlock(entries, negated, bare, v.span());
    }

    /**
     * Reads {@code {operator: {key: value(s)}}}. A Condition of any other shape cannot be read as IAM would, and
     * dropping it would let its statement apply unconditionally; it becomes an entry that cannot compile (no
     * operator, or no values), which the engine evaluates fail-closed: an Allow does not apply, a Deny does.
     */
    private static void readConditions(Json v, List<ConditionEntry> out) {
        if (!(v instanceof Json.JObject ops)) {
            out.add(new ConditionEntry("", "", List.of(), v.span()));
            return;
        }
        for (Json.Member op : ops.members()) {
            if (!(op.value() instanceof Json.JObject keys)) {
                out.add(new ConditionEntry(op.name(), "", List.of(), op.nameSpan()));
                continue;
            }
            for (Json.Member key : keys.members()) {
                out.add(new ConditionEntry(op.name(), key.name(), conditionValues(key.value()), key.nameSpan()));
            }
        }
    }

    /** A condition's values: a scalar or an array of scalars; anything else (null, objects, nesting) is none. */
    private static List<String> conditionValues(Json v) {
        if (v instanceof Json.JArray a && !a.items().stream().allMatch(i -> Json.scalarText(i) != null)) {
            return List.of();
        }
        return strings(v);
    }

    /** A scalar or an array of scalars, as IAM reads values: numbers and booleans as their text. */
    public static List<String> strings(Json v) {
        String scalar = Json.scalarText(v);
        if (scalar != null) {
            return List.of(scalar);
        }
        List<String> out = new ArrayList<>();
        if (v instanceof Json.JArray a) {
            for (Json item : a.items()) {
                String s = Json.scalarText(item);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
