package io.sigil.policy.condition;

import io.sigil.policy.ContextValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** IAM User Guide, Condition operators, "String condition operators"; Variables and tags. */
class StringOperatorsTest {

    private static final Map<String, ContextValue> ALICE = Map.of("aws:username", ContextValue.of("alice"));

    @Test
    void stringEquals_isExactAndCaseSensitive() {
        assertThat(op("StringEquals", "john").holds("john")).isTrue();
        assertThat(op("StringEquals", "john").holds("John")).isFalse();
        assertThat(op("StringEquals", "john").holds("john ")).isFalse();
        assertThat(op("StringEquals", "john").holds("joh")).isFalse();
    }

    @Test
    void stringEquals_takesWildcardCharactersLiterally() {
        assertThat(op("StringEquals", "home/*").holds("home/*")).isTrue();
        assertThat(op("StringEquals", "home/*").holds("home/x")).isFalse();
        assertThat(op("StringEquals", "a?c").holds("abc")).isFalse();
    }

    @Test
    void stringEquals_emptyPolicyValue_matchesOnlyTheEmptyString() {
        assertThat(op("StringEquals", "").holds("")).isTrue();
        assertThat(op("StringEquals", "").holds("x")).isFalse();
    }

    @Test
    void stringEquals_withSeveralValues_holdsWhenAnyMatches() {
        assertThat(op("StringEquals", "audit", "security").holds("security")).isTrue();
        assertThat(op("StringEquals", "audit", "security").holds("dev")).isFalse();
    }

    @Test
    void stringNotEquals_withSeveralValues_holdsOnlyWhenNoneMatches() {
        // "Evaluation logic for negated matching condition operators": several values act as a logical NOR.
        assertThat(op("StringNotEquals", "audit", "security").holds("dev")).isTrue();
        assertThat(op("StringNotEquals", "audit", "security").holds("audit")).isFalse();
        assertThat(op("StringNotEquals", "audit", "security").holds("security")).isFalse();
    }

    @Test
    void stringEqualsIgnoreCase_foldsCaseOnBothSides() {
        assertThat(op("StringEqualsIgnoreCase", "John").holds("JOHN")).isTrue();
        assertThat(op("StringEqualsIgnoreCase", "JOHN").holds("john")).isTrue();
        assertThat(op("StringEqualsIgnoreCase", "john").holds("johnny")).isFalse();
        assertThat(op("StringEqualsIgnoreCase", "jo*").holds("john")).as("no wildcards").isFalse();
    }

    @Test
    void stringNotEqualsIgnoreCase_holdsWhenNoValueMatchesIgnoringCase() {
        assertThat(op("StringNotEqualsIgnoreCase", "John", "Mary").holds("JOHN")).isFalse();
        assertThat(op("StringNotEqualsIgnoreCase", "John", "Mary").holds("bob")).isTrue();
    }

    @Test
    void stringLike_star_matchesAnyRunOfCharactersIncludingNone() {
        assertThat(op("StringLike", "home/*").holds("home/")).isTrue();
        assertThat(op("StringLike", "home/*").holds("home/a/b/c")).isTrue();
        assertThat(op("StringLike", "*/photos/*").holds("u/photos/x.jpg")).isTrue();
        assertThat(op("StringLike", "home/*").holds("home")).isFalse();
    }

    @Test
    void stringLike_questionMark_matchesExactlyOneCharacter() {
        assertThat(op("StringLike", "t?.micro").holds("t2.micro")).isTrue();
        assertThat(op("StringLike", "t?.micro").holds("t.micro")).isFalse();
        assertThat(op("StringLike", "t?.micro").holds("t23.micro")).isFalse();
    }

    @Test
    void stringLike_isCaseSensitive() {
        assertThat(op("StringLike", "Home/*").holds("home/x")).isFalse();
    }

    @Test
    void stringLike_withoutWildcards_isAnExactMatch() {
        // "You must specify wildcards to achieve partial string matches."
        assertThat(op("StringLike", "home").holds("home")).isTrue();
        assertThat(op("StringLike", "home").holds("homes")).isFalse();
        assertThat(op("StringLike", "").holds("")).isTrue();
        assertThat(op("StringLike", "").holds("a")).isFalse();
    }

    @Test
    void stringNotLike_withSeveralValues_holdsOnlyWhenNoPatternMatches() {
        assertThat(op("StringNotLike", "t1.*", "t2.*").holds("m5.large")).isTrue();
        assertThat(op("StringNotLike", "t1.*", "t2.*").holds("t2.nano")).isFalse();
    }

    @Test
    void stringLike_manyStars_againstALongValue_finishesQuickly() {
        String pattern = "*a".repeat(200) + "*b";
        String value = "a".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(op("StringLike", pattern).holds(value)).isFalse());
    }

    @Test
    void stringEquals_substitutesAPolicyVariable() {
        assertThat(op("StringEquals", "home/${aws:username}").holds(ContextValue.of("home/alice"), ALICE)).isTrue();
        assertThat(op("StringEquals", "home/${aws:username}").holds(ContextValue.of("home/bob"), ALICE)).isFalse();
    }

    @Test
    void stringLike_keepsWildcardsAroundAPolicyVariable() {
        assertThat(op("StringLike", "home/${aws:username}/*").holds(ContextValue.of("home/alice/x/y"), ALICE)).isTrue();
        assertThat(op("StringLike", "home/${aws:username}/*").holds(ContextValue.of("home/bob/x"), ALICE)).isFalse();
    }

    @Test
    void stringLike_aVariableValueHoldingWildcardCharacters_matchesThemLiterally() {
        // A principal able to tag itself "*" must not match every value.
        Map<String, ContextValue> keys = Map.of("aws:PrincipalTag/team", ContextValue.of("*"));
        assertThat(op("StringLike", "${aws:PrincipalTag/team}").holds(ContextValue.of("payments"), keys)).isFalse();
        assertThat(op("StringLike", "${aws:PrincipalTag/team}").holds(ContextValue.of("*"), keys)).isTrue();
    }

    @Test
    void stringLike_escapedStar_isALiteralStar() {
        // Variables, "Special characters": ${*} stands for an asterisk that is no wildcard.
        assertThat(op("StringLike", "a${*}").holds("a*")).isTrue();
        assertThat(op("StringLike", "a${*}").holds("ab")).isFalse();
        assertThat(op("StringLike", "a${?}").holds("a?")).isTrue();
        assertThat(op("StringLike", "a${?}").holds("ab")).isFalse();
        assertThat(op("StringEquals", "${$}5").holds("$5")).isTrue();
    }

    @Test
    void stringEquals_withAnUnresolvedVariable_matchesNothing() {
        assertThat(op("StringEquals", "${aws:username}").holds("alice")).isFalse();
        assertThat(op("StringEquals", "${aws:username}").holds("${aws:username}")).isFalse();
    }

    @Test
    void stringNotEquals_withAnUnresolvedVariable_holds_becauseNoValueMatches() {
        assertThat(op("StringNotEquals", "${aws:PrincipalTag/team}").holds("payments")).isTrue();
    }

    @Test
    void stringEquals_withADefault_usesItWhenTheKeyIsAbsent() {
        assertThat(op("StringEquals", "${aws:username, 'anonymous'}").holds("anonymous")).isTrue();
        assertThat(op("StringEquals", "${aws:username, 'anonymous'}").holds(ContextValue.of("alice"), ALICE)).isTrue();
    }

    @Test
    void stringEquals_inAVersion2008Policy_readsVariablesAsText() {
        assertThat(op("StringEquals", "${aws:username}").withoutVariables().holds(ContextValue.of("alice"), ALICE)).isFalse();
        assertThat(op("StringEquals", "${aws:username}").withoutVariables().holds("${aws:username}")).isTrue();
    }

    @Test
    void stringEquals_absentKey_isFalse_andStringNotEquals_absentKey_isTrue() {
        assertThat(op("StringEquals", "x").holdsWhenAbsent()).isFalse();
        assertThat(op("StringNotEquals", "x").holdsWhenAbsent()).isTrue();
        assertThat(op("StringEqualsIfExists", "x").holdsWhenAbsent()).isTrue();
        assertThat(op("StringEqualsIfExists", "x").holds("y")).isFalse();
    }
}
