package io.sigil.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Text no policy author would write, as an attacker might send it to PutUserPolicy. Each input ends in a report
 * (a JSON syntax finding where the text is no JSON object) and never in an exception or a StackOverflowError;
 * whatever parses also compiles and evaluates without throwing. Time limits are generous: these are robustness
 * tests, not timing tests. Each runs on JUnit's timeout thread, with a default-sized stack.
 */
class HostileInputTest {
    // A hang guard only: a loaded 2-core CI machine took over 10 s for the 20,000-statement input.
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String SYNTAX = "JSON_SYNTAX_ERROR";
    private static final RequestContext REQUEST = RequestContext.of("arn:aws:iam::123456789012:user/alice",
            "s3:GetObject", "arn:aws:s3:::bucket/key", Map.of("aws:SourceIp", ContextValue.of("203.0.113.7"),
                    "aws:TagKeys", ContextValue.ofList(List.of("a", "b"))));

    /**
     * Validates as an identity and a resource-based policy (the fuzz test covers every type), parses, and if a
     * policy came out compiles and evaluates it.
     */
    private static ValidationReport survive(String text) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            ValidationReport identity = PolicyValidator.validate(text, PolicyType.IDENTITY);
            assertThat(PolicyValidator.validate(text, PolicyType.RESOURCE).size()).isEqualTo(identity.size());
            ParseResult parsed = PolicyParser.parse(text);
            if (parsed.ok()) {
                evaluate(parsed.policy());
            } else {
                assertThat(parsed.syntaxError().code()).isEqualTo(SYNTAX);
            }
            return identity;
        });
    }

    private static Decision evaluate(Policy policy) {
        CompiledPolicy identity = CompiledPolicy.compile(policy, "hostile", PolicyType.IDENTITY);
        CompiledPolicy resource = CompiledPolicy.compile(policy, "hostile-resource", PolicyType.RESOURCE);
        new PolicyEngine().evaluate(REQUEST, new PolicySet(List.of(identity), List.of(identity), null, resource,
                List.of(List.of(identity)), null)).explain();
        return new PolicyEngine().evaluate(REQUEST, PolicySet.identityOnly(List.of(identity)));
    }

    private static void assertSyntaxError(ValidationReport report) {
        assertThat(report.findings()).extracting(Finding::code).contains(SYNTAX);
        assertThat(report.hasErrors()).isTrue();
    }

    private static String repeat(int times, Supplier<String> piece) {
        return piece.get().repeat(times);
    }

    @Test
    void nesting100000ArraysDeep_isASyntaxError_notAStackOverflow() {
        assertSyntaxError(survive("[".repeat(100_000) + "]".repeat(100_000)));
    }

    @Test
    void nesting100000ObjectsDeep_insideAStatement_isASyntaxError() {
        String deep = repeat(100_000, () -> "{\"a\":") + "1" + "}".repeat(100_000);
        assertSyntaxError(survive("{\"Statement\":{\"Effect\":\"Allow\",\"Condition\":" + deep + "}}"));
    }

    @Test
    void unclosedNesting_isASyntaxError() {
        assertSyntaxError(survive("{\"Statement\":" + "[".repeat(100_000)));
    }

    @Test
    void aTenMegabyteStringValue_isReadAndEvaluated() {
        String huge = "a".repeat(10 * 1024 * 1024);
        String text = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::bucket/" + huge + "\",\"Condition\":{\"StringLike\":{\"s3:prefix\":\"*"
                + huge + "*\"}}}}";
        ValidationReport report = survive(text);
        assertThat(report.size()).isGreaterThan(20 * 1024 * 1024);
        assertThat(evaluate(PolicyParser.parseOrThrow(text)).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void invalidUtf8_decodedAsTheServerDoes_neverThrows() {
        byte[] bytes = ("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::bucket/XXXX\"}}").getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("XXXX");
        byte[][] invalid = {{(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x41},
            {(byte) 0xC0, (byte) 0xAF, (byte) 0xF8, (byte) 0x88}, {(byte) 0x80, (byte) 0xBF, (byte) 0xF0, (byte) 0x9F}};
        for (byte[] bad : invalid) {
            System.arraycopy(bad, 0, bytes, at, 4);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).contains("\uFFFD");
            survive(text);
        }
        survive(new String(new byte[] {(byte) 0xFF, '{', '}', (byte) 0xC3}, StandardCharsets.UTF_8));
    }

    @Test
    void loneSurrogatesAndEscapes_neverThrow() {
        survive("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"\\uD800\",\"Resource\":\"\\uDFFF*\\u0000\"}}");
        survive("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringLike\""
                + ":{\"\\uD83D\":\"\\uDE00?\"}}}}");
    }

    @Test
    void duplicateKeys_areReadAsIamReadsLegacyDocuments_andNeverThrow() {
        // IAM User Guide, "More than one Effect, Action, or Resource element": the last Effect wins; Action and
        // Resource merge. (The validator rejects duplicates in new documents; that is its tests' business.)
        String text = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:PutObject\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other\","
                + "\"Resource\":\"arn:aws:s3:::bucket/*\"},\"Version\":\"2008-10-17\"}";
        survive(text);
        assertThat(evaluate(PolicyParser.parseOrThrow(text)).outcome()).isEqualTo(Outcome.ALLOW);
        survive("{" + repeat(10_000, () -> "\"Statement\":[{\"Effect\":\"Allow\"}],") + "\"Version\":\"2012-10-17\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"Version\":null,\"Statement\":null}",
        "{\"Statement\":{\"Effect\":null,\"Action\":null,\"Resource\":null,\"Condition\":null,\"Principal\":null}}",
        "{\"Statement\":[null,null]}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[null],\"Resource\":[null],\"NotPrincipal\":{\"AWS\":[null]}}}",
        "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Null\":null}}}",
        "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Null\":{\"k\":null}}}}"})
    void nullsWhereValuesBelong_neverThrow(String text) {
        survive(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"Version\":2012,\"Id\":1,\"Statement\":{\"Sid\":2,\"Effect\":1,\"Action\":2,\"Resource\":3}}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[1,2.5,-3e10,true],\"Resource\":[false,0]}}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Principal\":123456789012,"
            + "\"Condition\":{\"StringEquals\":{\"aws:username\":42},\"NumericLessThan\":{\"k\":1e999999},"
            + "\"Bool\":{\"aws:SecureTransport\":true},\"DateLessThan\":{\"aws:CurrentTime\":1.5e9}}}}",
        "{\"Statement\":7}", "{\"Statement\":\"Allow\"}", "{\"Statement\":[[],[[]],{}]}"})
    void numbersAndOtherTypesWhereStringsBelong_neverThrow(String text) {
        survive(text);
    }

    @ParameterizedTest(name = "\"{0}\" is a syntax error")
    @ValueSource(strings = {"", " ", "\n\t\r ", "\uFEFF{}", "{", "}", "{\"Statement\"", "{\"Statement\":}",
        "{'Statement':[]}", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{\"a\":\"\u0001\"}", "{\"a\":NaN}",
        "{\"a\":01}", "{\"a\":1} x", "{}{}", "{} // comment", "/* c */ {}", "{\"a\":1}\u0000", "{\"a\":\"\\x41\"}"})
    void emptyDocumentsTrailingGarbageAndBrokenJson_areSyntaxErrors(String text) {
        assertSyntaxError(survive(text));
    }

    @ParameterizedTest(name = "\"{0}\" is no policy object")
    @ValueSource(strings = {"[]", "\"Statement\"", "12", "null", "true", "[{\"Statement\":[]}]"})
    void aJsonValueThatIsNoObject_isASyntaxError(String text) {
        assertSyntaxError(survive(text));
    }

    @Test
    void aNumberWithTenThousandDigits_isASyntaxError_notABigDecimalBomb() {
        assertSyntaxError(survive("{\"Statement\":{\"Effect\":\"Allow\",\"Condition\":{\"NumericEquals\":{\"k\":"
                + "9".repeat(10_000) + "}}}}"));
    }

    @Test
    void hugeArrays_areReadAndEvaluated() {
        String actions = repeat(50_000, () -> "\"s3:Get*\",") + "\"s3:GetObject\"";
        String ips = repeat(25_000, () -> "\"10.0.0.0/8\",") + "\"203.0.113.0/24\"";
        String text = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":[" + actions
                + "],\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[" + ips + "]}}}}";
        survive(text);
        assertThat(evaluate(PolicyParser.parseOrThrow(text)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void twentyThousandStatements_areReadAndEvaluated() {
        String statements = repeat(20_000, () -> "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::other/*\"},") + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::bucket/*\"}";
        String text = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
        survive(text);
        assertThat(evaluate(PolicyParser.parseOrThrow(text)).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void manyConditionKeysAndOperators_neverThrow() {
        StringBuilder ops = new StringBuilder();
        String[] names = {"StringLike", "ForAllValues:StringNotEquals", "NumericLessThanIfExists", "DateEquals",
            "Bool", "BinaryEquals", "NotIpAddress", "ArnLike", "Null", "Bogus", "ForAnyValue:NullIfExists"};
        for (int i = 0; i < names.length; i++) {
            ops.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":{");
            for (int k = 0; k < 1_000; k++) {
                ops.append(k == 0 ? "" : ",").append("\"k").append(k).append("\":[\"${aws:username}*\",\"1\",\"x\"]");
            }
            ops.append('}');
        }
        survive("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{" + ops + "}}}");
    }
}
