package io.sigil.policy.internal;

import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ConditionEntry;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Effect;
import io.sigil.policy.Outcome;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.RequestContext;
import io.sigil.policy.SourceSpan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one operator/key pair combines request values and policy values (IAM User Guide, Condition operators;
 * "Set operators for multivalued context keys"; "Evaluation logic for negated matching condition operators").
 */
class CompiledConditionTest {
    private static final String KEY = "aws:TagKeys";
    private static final String USER = "arn:aws:iam::123456789012:user/alice";

    private static boolean holds(String operator, List<String> policyValues, ContextValue value, Effect effect) {
        Map<String, ContextValue> keys = new HashMap<>();
        if (value != null) {
            keys.put(KEY, value);
        }
        CompiledCondition c = CompiledCondition.compile(
                new ConditionEntry(operator, KEY, policyValues, SourceSpan.NONE), true);
        return c.holds(new EvalContext(RequestContext.of(USER, "iam:TagUser", "*", keys)), effect);
    }

    private static boolean holds(String operator, List<String> policyValues, ContextValue value) {
        return holds(operator, policyValues, value, Effect.ALLOW);
    }

    private static ContextValue set(String... values) {
        return ContextValue.ofList(List.of(values));
    }

    @Nested
    class AbsentKey {
        @Test
        void failsAPositiveOperator() {
            assertThat(holds("StringEquals", List.of("a"), null)).isFalse();
        }

        @Test
        void satisfiesANegatedOperator() {
            // "If the policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike,
            // and the right key is not present, the condition is true."
            assertThat(holds("StringNotLike", List.of("a*"), null)).isTrue();
            assertThat(holds("NotIpAddress", List.of("10.0.0.0/8"), null)).isTrue();
        }

        @Test
        void satisfiesIfExists_positiveOrNegated() {
            assertThat(holds("StringEqualsIfExists", List.of("a"), null)).isTrue();
            assertThat(holds("StringNotEqualsIfExists", List.of("a"), null)).isTrue();
        }

        @Test
        void satisfiesForAllValues_evenNegated() {
            assertThat(holds("ForAllValues:StringEquals", List.of("a"), null)).isTrue();
            assertThat(holds("ForAllValues:StringNotEquals", List.of("a"), null)).isTrue();
        }

        @Test
        void failsForAnyValue_evenNegated() {
            assertThat(holds("ForAnyValue:StringEquals", List.of("a"), null)).isFalse();
            assertThat(holds("ForAnyValue:StringNotEquals", List.of("a"), null)).isFalse();
        }

        @Test
        void satisfiesForAnyValueWithIfExists() {
            assertThat(holds("ForAnyValue:StringEqualsIfExists", List.of("a"), null)).isTrue();
        }
    }

    @Nested
    class EmptySet {
        @Test
        void satisfiesForAllValues_andFailsForAnyValue() {
            // "If the key values in the request resolve to an empty data set ... ForAllValues returns true, and
            // ... ForAnyValue returns false."
            assertThat(holds("ForAllValues:StringLike", List.of("key1*"), set())).isTrue();
            assertThat(holds("ForAnyValue:StringLike", List.of("key1*"), set())).isFalse();
        }

        @Test
        void failsAnUnqualifiedPositiveOperator_andSatisfiesANegatedOne() {
            assertThat(holds("StringEquals", List.of("a"), set())).isFalse();
            assertThat(holds("StringNotEquals", List.of("a"), set())).isTrue();
        }

        @Test
        void isPresent_soIfExistsTestsIt() {
            assertThat(holds("StringEqualsIfExists", List.of("a"), set())).isFalse();
        }
    }

    @Nested
    class SetOperators {
        @Test
        void forAllValues_needsEveryRequestValueToMatchSomePolicyValue() {
            List<String> allowed = List.of("PostDateTime", "Message", "Tags");
            assertThat(holds("ForAllValues:StringLike", allowed, set("PostDateTime", "Message"))).isTrue();
            assertThat(holds("ForAllValues:StringLike", allowed, set("PostDateTime", "UserName"))).isFalse();
        }

        @Test
        void forAnyValue_needsOneMatchingPair() {
            List<String> forbidden = List.of("ID", "PostDateTime");
            assertThat(holds("ForAnyValue:StringLike", forbidden, set("UserName", "Message", "PostDateTime"))).isTrue();
            assertThat(holds("ForAnyValue:StringLike", forbidden, set("UserName"))).isFalse();
        }

        @Test
        void forAllValuesNegated_holdsWhenNoRequestValueMatchesAnyPolicyValue() {
            assertThat(holds("ForAllValues:StringNotLike", List.of("key1*"), set("a", "b"))).isTrue();
            assertThat(holds("ForAllValues:StringNotLike", List.of("key1*"), set("a", "key1x"))).isFalse();
        }

        @Test
        void forAnyValueNegated_holdsWhenSomeRequestValueMatchesNoPolicyValue() {
            List<String> names = List.of("alice", "bob", "carol");
            assertThat(holds("ForAnyValue:StringNotEquals", names, set("alice", "mallory"))).isTrue();
            assertThat(holds("ForAnyValue:StringNotEquals", names, set("alice", "bob"))).isFalse();
        }

        @Test
        void aSingleValuedKey_isASetOfOne() {
            assertThat(holds("ForAllValues:StringEquals", List.of("a"), ContextValue.of("a"))).isTrue();
            assertThat(holds("ForAnyValue:StringEquals", List.of("a"), ContextValue.of("b"))).isFalse();
        }
    }

    @Nested
    class UnqualifiedOperators {
        @Test
        void severalPolicyValues_areOred() {
            assertThat(holds("StringEquals", List.of("a", "b", "c"), ContextValue.of("c"))).isTrue();
        }

        @Test
        void negatedWithSeveralValues_isANor() {
            assertThat(holds("StringNotEquals", List.of("a", "b"), ContextValue.of("c"))).isTrue();
            assertThat(holds("StringNotEquals", List.of("a", "b"), ContextValue.of("b"))).isFalse();
        }

        @Test
        void onAMultivaluedKey_holdWhenAnyRequestValueMatches() {
            assertThat(holds("StringEquals", List.of("b"), set("a", "b"))).isTrue();
            assertThat(holds("StringEquals", List.of("z"), set("a", "b"))).isFalse();
        }

        @Test
        void negatedOnAMultivaluedKey_holdWhenNoRequestValueMatches() {
            assertThat(holds("StringNotEquals", List.of("b"), set("a", "b"))).isFalse();
            assertThat(holds("StringNotEquals", List.of("z"), set("a", "b"))).isTrue();
        }

        @Test
        void ifExists_onAPresentKey_testsItNormally() {
            assertThat(holds("StringEqualsIfExists", List.of("a"), ContextValue.of("b"))).isFalse();
            assertThat(holds("StringEqualsIfExists", List.of("a"), ContextValue.of("a"))).isTrue();
        }
    }

    @Nested
    class FailClosed {
        @ParameterizedTest(name = "operator \"{0}\": an Allow does not apply, a Deny does")
        @ValueSource(strings = {"StringEqualz", "stringEquals", "NullIfExists", "DateGreaterThanOrEqual", ""})
        void anUnknownOperator(String operator) {
            assertThat(holds(operator, List.of("a"), ContextValue.of("a"), Effect.ALLOW)).isFalse();
            assertThat(holds(operator, List.of("a"), ContextValue.of("a"), Effect.DENY)).isTrue();
            assertThat(holds(operator, List.of("a"), null, Effect.DENY)).isTrue();
        }

        @Test
        void anUnparseablePolicyValue_evenAmongGoodOnes() {
            List<String> values = List.of("10.0.0.0/8", "not-an-ip");
            assertThat(holds("IpAddress", values, ContextValue.of("10.1.2.3"), Effect.ALLOW)).isFalse();
            assertThat(holds("NotIpAddress", values, ContextValue.of("192.0.2.1"), Effect.ALLOW)).isFalse();
            assertThat(holds("NotIpAddress", values, ContextValue.of("10.1.2.3"), Effect.DENY)).isTrue();
        }

        @Test
        void noPolicyValuesAtAll() {
            assertThat(holds("StringNotEquals", List.of(), ContextValue.of("a"), Effect.ALLOW)).isFalse();
            assertThat(holds("StringNotEquals", List.of(), ContextValue.of("a"), Effect.DENY)).isTrue();
        }

        @Test
        void anUnreadableCondition_keepsAnAllowFromGranting_andMakesADenyDeny() {
            String allowAll = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}}";
            assertThat(decide(policy("Allow", "{\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}"))).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(policy("Allow", "{\"Numeric\":{\"s3:max-keys\":\"10\"}}"))).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(allowAll, policy("Deny", "{\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}")))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decide(allowAll, policy("Deny", "{\"DateLessThen\":{\"aws:CurrentTime\":\"2020-01-01\"}}")))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decide(allowAll)).isEqualTo(Outcome.ALLOW);
        }

        @ParameterizedTest(name = "Condition {0} cannot be read: an Allow does not apply, a Deny does")
        @ValueSource(strings = {"\"StringEquals\"", "[]", "{\"StringEquals\":\"aws:username\"}",
            "{\"StringEquals\":[\"aws:username\",\"bob\"]}", "{\"StringEquals\":{\"aws:username\":null}}",
            "{\"StringEquals\":{\"aws:username\":[\"bob\",{\"x\":1}]}}", "{\"StringEquals\":{\"aws:username\":{}}}"})
        void aMalformedConditionBlock_isNotDropped(String condition) {
            String allowAll = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}}";
            assertThat(decide(policy("Allow", condition))).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(allowAll, policy("Deny", condition))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        private String policy(String effect, String condition) {
            return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"" + effect + "\",\"Action\":\"s3:*\","
                    + "\"Resource\":\"*\",\"Condition\":" + condition + "}}";
        }

        private Outcome decide(String... policies) {
            List<CompiledPolicy> compiled = new java.util.ArrayList<>();
            for (String p : policies) {
                compiled.add(CompiledPolicy.compile(p, "p" + compiled.size(), PolicyType.IDENTITY));
            }
            RequestContext r = RequestContext.of(USER, "s3:ListBucket", "arn:aws:s3:::b",
                    Map.of("s3:max-keys", ContextValue.of("5"), "aws:username", ContextValue.of("bob")));
            return new PolicyEngine().evaluate(r, PolicySet.identityOnly(compiled)).outcome();
        }
    }

    @Test
    void keyNames_areCaseInsensitive() {
        CompiledCondition c = CompiledCondition.compile(
                new ConditionEntry("StringEquals", "AWS:TAGKEYS", List.of("a"), SourceSpan.NONE), true);
        assertThat(c.keyLower()).isEqualTo("aws:tagkeys");
        EvalContext ctx = new EvalContext(RequestContext.of(USER, "iam:TagUser", "*", Map.of("aws:tagKeys", ContextValue.of("a"))));
        assertThat(c.holds(ctx, Effect.ALLOW)).isTrue();
    }

    @Test
    void failure_explainsWhyAConditionDoesNotHold() {
        CompiledCondition c = CompiledCondition.compile(
                new ConditionEntry("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), SourceSpan.NONE), true);
        EvalContext ctx = new EvalContext(RequestContext.of(USER, "s3:GetObject", "*",
                Map.of("aws:SourceIp", ContextValue.of("198.51.100.1"))));
        assertThat(c.failure(ctx)).isEqualTo("Condition aws:SourceIp IpAddress: 198.51.100.1 not in 203.0.113.0/24");
    }
}
