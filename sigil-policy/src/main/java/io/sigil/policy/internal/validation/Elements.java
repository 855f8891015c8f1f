package io.sigil.policy.internal.validation;

import io.sigil.policy.internal.Json;

import java.util.ArrayList;
import java.util.List;

/** Reads element values of the shapes the grammar allows, reporting DATA_TYPE_MISMATCH for any other shape. */
final class Elements {
    private Elements() {}

    /**
     * A string or an array of strings (Action, Resource and the principal lists: IAM JSON policy grammar,
     * "action_block", "resource_block"), or null after reporting when the value has another shape.
     */
    static List<Item> strings(Context ctx, Json v, String path) {
        List<Item> out = new ArrayList<>();
        if (v instanceof Json.JString s) {
            out.add(new Item(s.value(), path, s.span()));
            return out;
        }
        if (v instanceof Json.JArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                Json item = a.items().get(i);
                if (item instanceof Json.JString s) {
                    out.add(new Item(s.value(), Context.index(path, i), s.span()));
                } else {
                    ctx.add(Issue.DATA_TYPE_MISMATCH, Context.index(path, i), item.span(), "string");
                    return null;
                }
            }
            return out;
        }
        ctx.add(Issue.DATA_TYPE_MISMATCH, path, v.span(), "string or array of strings");
        return null;
    }

    /**
     * Condition values: a scalar (string, number or boolean: "quotes are optional for numbers and Booleans") or an
     * array of scalars, each read as its text; null after reporting for any other shape.
     */
    static List<Item> scalars(Context ctx, Json v, String path) {
        List<Item> out = new ArrayList<>();
        String scalar = Json.scalarText(v);
        if (scalar != null) {
            out.add(new Item(scalar, path, v.span()));
            return out;
        }
        if (v instanceof Json.JArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                Json item = a.items().get(i);
                String s = Json.scalarText(item);
                if (s == null) {
                    ctx.add(Issue.DATA_TYPE_MISMATCH, Context.index(path, i), item.span(), "string, number or boolean");
                    return null;
                }
                out.add(new Item(s, Context.index(path, i), item.span()));
            }
            return out;
        }
        ctx.add(Issue.DATA_TYPE_MISMATCH, path, v.span(), "string, number, boolean or array of them");
        return null;
    }
}
