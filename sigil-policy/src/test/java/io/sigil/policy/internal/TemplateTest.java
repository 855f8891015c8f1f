package io.sigil.policy.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"): {@code ${key}}, defaults
 * {@code ${key, 'default'}}, the special characters {@code ${*}} {@code ${?}} {@code ${$}}, and Version 2008-10-17
 * where none of this applies.
 */
class TemplateTest {
    private static final Variables ALICE = vars(Map.of("aws:username", "alice"));
    private static final Variables NONE = k -> null;

    private static Variables vars(Map<String, String> lowerCaseKeys) {
        return lowerCaseKeys::get;
    }

    private static Glob resolve(String value, Variables v) {
        return Template.parse(value, true).resolve(v);
    }

    @Test
    void aVariable_isReplacedByTheRequestValue() {
        assertThat(resolve("home/${aws:username}/", ALICE).text()).isEqualTo("home/alice/");
        assertThat(Template.parse("home/${aws:username}", true).variableKeys()).containsExactly("aws:username");
    }

    @Test
    void variableNames_areCaseInsensitive() {
        assertThat(resolve("${AWS:UserName}", ALICE).text()).isEqualTo("alice");
    }

    @Test
    void anUnresolvedVariable_makesTheWholeValueUnresolvable() {
        assertThat(resolve("home/${aws:username}", NONE)).isNull();
        assertThat(resolve("${aws:username}-${aws:userid}", ALICE)).isNull();
    }

    @Test
    void aDefault_standsInForAnAbsentKey_only() {
        assertThat(resolve("${aws:username, 'anon'}", NONE).text()).isEqualTo("anon");
        assertThat(resolve("${aws:username, 'anon'}", ALICE).text()).isEqualTo("alice");
        assertThat(resolve("${aws:username,'anon'}", NONE).text()).isEqualTo("anon");
        assertThat(resolve("${aws:username, ''}", NONE).text()).isEmpty();
        assertThat(resolve("${aws:username, 'two words'}", NONE).text()).isEqualTo("two words");
    }

    @Test
    void specialCharacters_standForLiteralCharacters() {
        Glob g = resolve("a${*}b${?}c${$}", NONE);
        assertThat(g.text()).isEqualTo("a*b?c$");
        assertThat(g.hasWildcards()).isFalse();
        assertThat(g.matches("a*b?c$")).isTrue();
        assertThat(g.matches("axb?c$")).isFalse();
        assertThat(Template.parse("${*}", true).hasVariables()).isFalse();
    }

    @Test
    void wildcardsOutsideVariables_stayWildcards() {
        Glob g = resolve("home/${aws:username}/*", ALICE);
        assertThat(g.matches("home/alice/x/y")).isTrue();
        assertThat(g.matches("home/bob/x")).isFalse();
    }

    @Test
    void aVariableValue_isLiteralText_evenWithWildcardCharacters() {
        Glob g = resolve("team/${aws:principaltag/team}", vars(Map.of("aws:principaltag/team", "*")));
        assertThat(g.matches("team/*")).isTrue();
        assertThat(g.matches("team/payments")).isFalse();
        Glob dflt = resolve("${aws:username, 'a*'}", NONE);
        assertThat(dflt.matches("a*")).isTrue();
        assertThat(dflt.matches("ab")).isFalse();
    }

    @Test
    void inAVersion2008Policy_variablesAreLiteralText() {
        Template t = Template.parse("home/${aws:username}", false);
        assertThat(t.hasVariables()).isFalse();
        assertThat(t.resolve(ALICE).text()).isEqualTo("home/${aws:username}");
        assertThat(t.resolve(ALICE).matches("home/alice")).isFalse();
        assertThat(Template.parse("${*}", false).resolve(NONE).matches("${anything}")).as("'*' is a wildcard there").isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" holds no variable and is literal text")
    @ValueSource(strings = {"${", "a${b", "${}", "${a b}", "${aws:username, anon}", "${aws:username, 'anon}",
        "$aws:username", "{aws:username}"})
    void malformedReferences_areLiteralText(String value) {
        Template t = Template.parse(value, true);
        assertThat(t.hasVariables()).isFalse();
        assertThat(t.resolve(ALICE).text()).isEqualTo(value);
    }

    @Test
    void aConstantValue_resolvesWithoutVariables() {
        Template t = Template.parse("arn:aws:s3:::bucket/*", true);
        assertThat(t.hasVariables()).isFalse();
        assertThat(t.resolve(null)).isSameAs(t.resolve(ALICE));
        assertThat(t.source()).isEqualTo("arn:aws:s3:::bucket/*").isEqualTo(t.toString());
    }

    @Test
    void aResolvedArn_matchesByComponent() {
        Glob g = resolve("arn:aws:iam::123456789012:user/${aws:username}", ALICE);
        assertThat(g.matchesArn("arn:aws:iam::123456789012:user/alice")).isTrue();
        assertThat(g.matchesArn("arn:aws:iam::123456789012:user/alice2")).isFalse();
    }
}
