package io.sigil.policy.condition;

import io.sigil.policy.internal.Glob;
import io.sigil.policy.internal.Template;
import io.sigil.policy.internal.Variables;

import java.util.Set;

/**
 * ARN condition operators (IAM JSON policy elements: Condition operators, "Amazon Resource Name (ARN) condition
 * operators"): case-sensitive, each {@code :}-delimited component compared separately, wildcards allowed; Equals
 * and Like behave identically.
 */
public final class ArnOperators implements OperatorFamily {
    private static final Set<String> NAMES = Set.of("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike");

    @Override
    public String typeName() {
        return "ARN";
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public boolean isNegated(String base) {
        return base.startsWith("ArnNot");
    }

    @Override
    public boolean allowsVariables() {
        return true;
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) {
        return new ArnTest(Template.parse(policyValue, variablesEnabled));
    }

    private record ArnTest(Template value) implements ValueTest {
        public boolean test(String r, Variables vars) {
            Glob g = value.resolve(vars);
            return g != null && g.matchesArn(r);
        }

        public String describe() {
            return value.source();
        }
    }
}
