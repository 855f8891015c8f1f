package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * {@code BinaryEquals} (IAM JSON policy elements: Condition operators, "Binary condition operators"): the policy
 * holds the base-64 form of the bytes; the request value is given base-64 encoded too, and the bytes are compared.
 */
public final class BinaryOperator implements OperatorFamily {
    @Override
    public String typeName() {
        return "Binary";
    }

    @Override
    public Set<String> names() {
        return Set.of("BinaryEquals");
    }

    @Override
    public boolean isNegated(String base) {
        return false;
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue {
        byte[] bytes = decode(policyValue);
        if (bytes == null) {
            throw new InvalidPolicyValue("'" + policyValue + "' is not base-64");
        }
        return new BinaryTest(bytes, policyValue);
    }

    static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record BinaryTest(byte[] bytes, String text) implements ValueTest {
        public boolean test(String r, Variables vars) {
            byte[] x = decode(r);
            return x != null && Arrays.equals(x, bytes);
        }

        public String describe() {
            return text;
        }
    }
}
