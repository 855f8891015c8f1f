package io.sigil.policy.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Wildcard matching for actions, resources and the Like operators: {@code *} any run, {@code ?} one character. */
class GlobTest {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
        "*|''|true", "*|anything at all|true", "''|''|true", "''|a|false",
        "abc|abc|true", "abc|abd|false", "abc|abcd|false",
        "a*|a|true", "a*|abc|true", "a*|ba|false",
        "*c|abc|true", "*c|abd|false", "a*c|ac|true", "a*c|abbbc|true", "a*c|abcb|false",
        "a?c|abc|true", "a?c|ac|false", "a?c|abbc|false", "??|ab|true", "??|a|false",
        "*a*b|xaxb|true", "*a*b|xaxbx|false", "a*b*c|aXbYbZc|true", "a*b*c|aXcYb|false",
        "**|''|true", "*?*|''|false", "*?*|x|true",
        "s3:Get*|s3:GetObject|true", "s3:Get*|s3:PutObject|false", "iam:*AccessKey*|iam:CreateAccessKey|true"})
    void starAndQuestionMark(String pattern, String subject, boolean expected) {
        assertThat(Glob.of(pattern).matches(subject)).isEqualTo(expected);
    }

    @Test
    void matching_isCaseSensitive_untilLowerCased() {
        assertThat(Glob.of("S3:Get*").matches("s3:getobject")).isFalse();
        assertThat(Glob.of("S3:Get*").lowerCase().matches("s3:getobject")).isTrue();
    }

    @Test
    void maskedCharacters_areLiteral() {
        Glob g = Glob.of("a*?".toCharArray(), new boolean[] {false, false, false});
        assertThat(g.matches("a*?")).isTrue();
        assertThat(g.matches("abc")).isFalse();
        assertThat(g.hasWildcards()).isFalse();
        assertThat(Glob.literal("x*").matches("xy")).isFalse();
    }

    @Test
    void describesItself() {
        assertThat(Glob.of("*").isAny()).isTrue();
        assertThat(Glob.of("a*").isAny()).isFalse();
        assertThat(Glob.of("arn:aws:s3:::b/*x").literalPrefix()).isEqualTo("arn:aws:s3:::b/");
        assertThat(Glob.of("abc").hasWildcards()).isFalse();
        assertThat(Glob.of("a?c").text()).isEqualTo("a?c");
    }

    @Test
    void pathologicalPatterns_finishQuickly() {
        String pattern = "*a".repeat(100) + "*b";
        String subject = "a".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(Glob.of(pattern).matches(subject)).isFalse());
    }

    @ParameterizedTest(name = "ARN \"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
        // each of the first five components separately: a wildcard never crosses their colons
        "arn:aws:iam::*:user/*|arn:aws:iam::123456789012:user/alice|true",
        "arn:aws:iam:*:user/*|arn:aws:iam::123456789012:user/alice|false",
        "arn:aws:*:*:123456789012:*|arn:aws:s3:us-east-1:999999999999:123456789012:x|false",
        "arn:aws:s3:*:*:b|arn:aws:s3:us-east-1:1:b|true",
        "arn:aws:s3:us-*:*:b|arn:aws:s3:eu-west-1:1:b|false",
        "arn:aws:sqs:us-east-?:*:q|arn:aws:sqs:us-east-2:1:q|true",
        "arn:aws:sqs:us-east?2:*:q|arn:aws:sqs:us-east-2:1:q|true",
        "arn:aws:sqs:us-east-2?1:q|arn:aws:sqs:us-east-2:1:q|false",
        // the sixth, the resource, spans '/' and ':'
        "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/a/b/c|true",
        "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/a:b:c|true",
        "arn:aws:logs:*:*:log-group:/app/*|arn:aws:logs:us-east-1:1:log-group:/app/x:log-stream:y|true",
        "arn:aws:s3:::bucket/*/x?|arn:aws:s3:::bucket/a/b/xy|true",
        "arn:aws:s3:::bucket/*/x?|arn:aws:s3:::bucket/a/b/x|false",
        // literal patterns, empty components, short subjects
        "arn:aws:s3:::bucket|arn:aws:s3:::bucket|true",
        "arn:aws:s3:::bucket|arn:aws:s3:::bucket2|false",
        "arn:aws:s3:::*|arn:aws:s3:us-east-1::b|false",
        "arn:aws:s3:::*|arn:aws:s3::b|false",
        "arn:*:*:*:*:*|arn:aws:s3:::|true",
        "arn:*:*:*:*:*|*|false",
        // no ARN pattern: only a bare star matches, nothing else crosses components
        "*|anything|true",
        "arn:*|arn:aws:s3:::b|false",
        "arn:aws:s3*::b|arn:aws:s3:us-east-1::b|false"})
    void arnComponents(String pattern, String arn, boolean expected) {
        assertThat(Glob.of(pattern).matchesArn(arn)).isEqualTo(expected);
    }

    @Test
    void arnComponentColons_comeFromLiteralCharactersOnly() {
        // A masked (literal) '*' in a component stays literal; a literal ':' from a variable value separates.
        char[] p = "arn:aws:s3:::b/*".toCharArray();
        boolean[] w = new boolean[p.length];
        assertThat(Glob.of(p, w).matchesArn("arn:aws:s3:::b/*")).isTrue();
        assertThat(Glob.of(p, w).matchesArn("arn:aws:s3:::b/x")).isFalse();
    }
}
