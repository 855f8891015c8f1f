package io.sigil.policy.conformance;

import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Outcome;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.RequestContext;
import io.sigil.policy.Caller;
import io.sigil.policy.internal.Json;
import io.sigil.policy.internal.JsonReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads case files: a JSON array of cases, or one case object. Each policy's text is cut from the file exactly as
 * written, so explanations point into it. A case without {@code aws:CurrentTime}/{@code aws:EpochTime} runs at
 * the given clock's time.
 */
public final class CaseReader {
    /** A case file that cannot be read; the message says where. */
    public static final class BadCase extends Exception {
        public BadCase(String message) {
            super(message, null, false, false);
        }
    }

    private CaseReader() {}

    public static List<ConformanceCase> read(String source, String text, Instant now) throws BadCase {
        Json root;
        try {
            root = JsonReader.read(text);
        } catch (JsonReader.SyntaxError e) {
            throw new BadCase(source + ":" + e.line() + ":" + e.column() + ": invalid JSON: " + e.getMessage());
        }
        List<Json> items = root instanceof Json.JArray a ? a.items() : List.of(root);
        List<ConformanceCase> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(readCase(source, i, text, items.get(i), now));
        }
        return out;
    }

    private static ConformanceCase readCase(String source, int index, String text, Json j, Instant now) throws BadCase {
        String where = source + " case " + index;
        if (!(j instanceof Json.JObject c)) {
            throw new BadCase(where + ": a case must be a JSON object");
        }
        String description = str(c.get("description"));
        if (!(c.get("request") instanceof Json.JObject req)) {
            throw new BadCase(where + ": missing \"request\" object");
        }
        String action = str(req.get("action"));
        if (action == null) {
            throw new BadCase(where + ": missing request.action");
        }
        Map<String, ContextValue> keys = context(req.get("context"), where);
        if (!hasKey(keys, "aws:CurrentTime") && !hasKey(keys, "aws:EpochTime")) {
            keys.put("aws:CurrentTime", ContextValue.of(now.toString()));
            keys.put("aws:EpochTime", ContextValue.of(Long.toString(now.getEpochSecond())));
        }
        RequestContext request = new RequestContext(Caller.parse(str(req.get("principal"))), action,
                str(req.get("resource")), str(req.get("resourceAccount")), keys);
        PolicySet set = policies(c.get("policies"), text, where);
        Outcome expect = null;
        String e = str(c.get("expect"));
        if (e != null) {
            try {
                expect = Outcome.valueOf(e);
            } catch (IllegalArgumentException ex) {
                throw new BadCase(where + ": expect must be ALLOW, EXPLICIT_DENY or IMPLICIT_DENY, not " + e);
            }
        }
        return new ConformanceCase(source, index, description == null ? "(no description)" : description, request, set, expect);
    }

    private static boolean hasKey(Map<String, ContextValue> keys, String k) {
        return keys.keySet().stream().anyMatch(x -> x.equalsIgnoreCase(k));
    }

    private static Map<String, ContextValue> context(Json j, String where) throws BadCase {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        if (j == null || j instanceof Json.JNull) {
            return keys;
        }
        if (!(j instanceof Json.JObject o)) {
            throw new BadCase(where + ": request.context must be an object");
        }
        for (Json.Member m : o.members()) {
            if (m.value() instanceof Json.JArray a) {
                keys.put(m.name(), ContextValue.ofList(PolicyParser.strings(a)));
            } else if (Json.scalarText(m.value()) != null) {
                keys.put(m.name(), ContextValue.of(Json.scalarText(m.value())));
            }
        }
        return keys;
    }

    private static PolicySet policies(Json j, String text, String where) throws BadCase {
        if (j == null || j instanceof Json.JNull) {
            return new PolicySet(List.of(), null, null, null, null, null);
        }
        if (!(j instanceof Json.JObject o)) {
            throw new BadCase(where + ": policies must be an object");
        }
        List<CompiledPolicy> identity = list(o.get("identity"), text, PolicyType.IDENTITY, "identity", where);
        List<CompiledPolicy> boundary = o.get("permissionsBoundary") == null ? null
                : list(o.get("permissionsBoundary"), text, PolicyType.PERMISSIONS_BOUNDARY, "permissionsBoundary", where);
        List<CompiledPolicy> session = o.get("session") == null ? null
                : list(o.get("session"), text, PolicyType.SESSION, "session", where);
        CompiledPolicy resource = o.get("resource") == null || o.get("resource") instanceof Json.JNull ? null
                : one(o.get("resource"), text, PolicyType.RESOURCE, "resource", where);
        return new PolicySet(identity, boundary, session, resource,
                levels(o.get("scp"), text, PolicyType.SCP, "scp", where),
                levels(o.get("rcp"), text, PolicyType.RCP, "rcp", where));
    }

    private static List<List<CompiledPolicy>> levels(Json j, String text, PolicyType type, String name, String where)
            throws BadCase {
        List<List<CompiledPolicy>> out = new ArrayList<>();
        if (j == null || j instanceof Json.JNull) {
            return out;
        }
        if (!(j instanceof Json.JArray a)) {
            throw new BadCase(where + ": " + name + " must be an array of levels");
        }
        for (int i = 0; i < a.items().size(); i++) {
            out.add(list(a.items().get(i), text, type, name + "[" + i + "]", where));
        }
        return out;
    }

    private static List<CompiledPolicy> list(Json j, String text, PolicyType type, String name, String where)
            throws BadCase {
        List<CompiledPolicy> out = new ArrayList<>();
        if (j == null || j instanceof Json.JNull) {
            return out;
        }
        if (j instanceof Json.JArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                out.add(one(a.items().get(i), text, type, name + "[" + i + "]", where));
            }
        } else {
            out.add(one(j, text, type, name, where));
        }
        return out;
    }

    private static CompiledPolicy one(Json j, String text, PolicyType type, String name, String where) throws BadCase {
        String policyText;
        if (j instanceof Json.JString s) {
            policyText = s.value();
        } else if (j instanceof Json.JObject) {
            policyText = text.substring((int) j.span().startOffset(), (int) j.span().endOffset());
        } else {
            throw new BadCase(where + ": policy " + name + " must be an object or a string");
        }
        ParseResult r = PolicyParser.parse(policyText);
        if (!r.ok()) {
            throw new BadCase(where + ": policy " + name + " is not a JSON object");
        }
        return CompiledPolicy.compile(r.policy(), name, type);
    }

    private static String str(Json j) {
        return j == null ? null : Json.scalarText(j);
    }
}
