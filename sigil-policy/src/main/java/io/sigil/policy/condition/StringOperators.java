package io.sigil.policy.condition;

import io.sigil.policy.internal.Glob;
import io.sigil.policy.internal.Template;
import io.sigil.policy.internal.Variables;

import java.util.Locale;
import java.util.Set;

/**
 * String condition operators (IAM JSON policy elements: Condition operators, "String condition operators"):
 * Equals is exact and case-sensitive, IgnoreCase folds case, Like takes {@code *} and {@code ?} anywhere.
 * Values may hold policy variables.
 */
public final class StringOperators implements OperatorFamily {
    private static final Set<String> NAMES = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike");

    @Override
    public String typeName() {
        return "String";
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public boolean isNegated(String base) {
        return base.startsWith("StringNot");
    }

    @Override
    public boolean allowsVariables() {
        return true;
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) {
        Template t = Template.parse(policyValue, variablesEnabled);
        if (base.endsWith("Like")) {
            return new Like(t);
        }
        if (base.endsWith("IgnoreCase")) {
            return new EqualsIgnoreCase(t);
        }
        return new Equals(t);
    }

    private record Equals(Template value) implements ValueTest {
        public boolean test(String r, Variables vars) {
            Glob g = value.resolve(vars);
            return g != null && g.text().equals(r);
        }

        public String describe() {
            return value.source();
        }
    }

    private record EqualsIgnoreCase(Template value) implements ValueTest {
        public boolean test(String r, Variables vars) {
            Glob g = value.resolve(vars);
            return g != null && g.text().toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT));
        }

        public String describe() {
            return value.source();
        }
    }

    private record Like(Template value) implements ValueTest {
        public boolean test(String r, Variables vars) {
            Glob g = value.resolve(vars);
            return g != null && g.matches(r);
        }

        public String describe() {
            return value.source();
        }
    }
}
