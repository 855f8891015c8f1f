package io.sigil.policy.condition;

import io.sigil.policy.ContextValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM User Guide, Condition operators, "Amazon Resource Name (ARN) condition operators": case-sensitive; "Each of
 * the six colon-delimited components of the ARN is checked separately and each can include" {@code *} and
 * {@code ?}; Equals and Like behave identically, as do NotEquals and NotLike.
 */
class ArnOperatorsTest {
    private static final String TOPIC = "arn:aws:sns:us-east-2:123456789012:TOPIC-ID";

    @Test
    void arnLike_aWildcardMatchesWithinOneComponent_whereStringLikeCrossesColons() {
        // The User Guide's own example of a value StringLike matches and ArnLike does not.
        String pattern = "arn:aws:someservice:*:111122223333:finance/*";
        String value = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        assertThat(op("StringLike", pattern).holds(value)).isTrue();
        assertThat(op("ArnLike", pattern).holds(value)).isFalse();
        assertThat(op("ArnLike", pattern).holds("arn:aws:someservice:us-east-2:111122223333:finance/a.txt")).isTrue();
    }

    @Test
    void arnEquals_behavesLikeArnLike_wildcardsIncluded() {
        assertThat(op("ArnEquals", TOPIC).holds(TOPIC)).isTrue();
        assertThat(op("ArnEquals", "arn:aws:sns:*:123456789012:*").holds(TOPIC)).isTrue();
        assertThat(op("ArnLike", "arn:aws:sns:*:123456789012:*").holds(TOPIC)).isTrue();
    }

    @Test
    void arnLike_isCaseSensitive() {
        assertThat(op("ArnLike", TOPIC).holds("arn:aws:sns:us-east-2:123456789012:topic-id")).isFalse();
        assertThat(op("ArnLike", "arn:AWS:sns:*:*:*").holds(TOPIC)).isFalse();
    }

    @Test
    void arnLike_questionMark_matchesOneCharacter_neverAColon() {
        assertThat(op("ArnLike", "arn:aws:sns:us-east-?:123456789012:TOPIC-ID").holds(TOPIC)).isTrue();
        assertThat(op("ArnLike", "arn:aws:sns:us-east-2?123456789012:TOPIC-ID").holds(TOPIC)).isFalse();
    }

    @Test
    void arnLike_resourceComponentWildcard_spansSlashesAndColons() {
        Cond c = op("ArnLike", "arn:aws:s3:::bucket/*");
        assertThat(c.holds("arn:aws:s3:::bucket/a/b/c")).isTrue();
        assertThat(c.holds("arn:aws:s3:::bucket/a:b/c")).isTrue();
        assertThat(c.holds("arn:aws:s3:::other/a")).isFalse();
    }

    @Test
    void arnLike_emptyComponents_mustStayEmpty() {
        assertThat(op("ArnLike", "arn:aws:s3:::bucket").holds("arn:aws:s3:us-east-1::bucket")).isFalse();
        assertThat(op("ArnLike", "arn:aws:s3:*::bucket").holds("arn:aws:s3:us-east-1::bucket")).isTrue();
    }

    @Test
    void arnNotLike_withSeveralValues_holdsOnlyWhenNoneMatches() {
        Cond c = op("ArnNotLike", "arn:aws:sns:*:123456789012:a*", "arn:aws:sns:*:123456789012:T*");
        assertThat(c.holds(TOPIC)).isFalse();
        assertThat(c.holds("arn:aws:sns:us-east-2:123456789012:other")).isTrue();
        assertThat(op("ArnNotEquals", TOPIC).holds(TOPIC)).isFalse();
    }

    @Test
    void aRequestValueThatIsNoArn_matchesNothing() {
        assertThat(op("ArnLike", "arn:*:*:*:*:*").holds("not-an-arn")).isFalse();
        assertThat(op("ArnLike", "arn:*:*:*:*:*").holds("arn:aws:s3::bucket")).as("four colons").isFalse();
        assertThat(op("ArnNotLike", "arn:*:*:*:*:*").holds("not-an-arn")).isTrue();
    }

    @Test
    void aPolicyPatternWithFewerThanFiveColons_matchesNothing_butABareStarMatchesAll() {
        assertThat(op("ArnLike", "arn:aws:s3*::bucket").holds("arn:aws:s3:us-east-1::bucket")).isFalse();
        assertThat(op("ArnLike", "arn:*").holds(TOPIC)).isFalse();
        assertThat(op("ArnLike", "*").holds(TOPIC)).isTrue();
    }

    @Test
    void arnLike_substitutesPolicyVariables() {
        Map<String, ContextValue> keys = Map.of("aws:username", ContextValue.of("alice"));
        Cond c = op("ArnLike", "arn:aws:iam::123456789012:user/${aws:username}");
        assertThat(c.holds(ContextValue.of("arn:aws:iam::123456789012:user/alice"), keys)).isTrue();
        assertThat(c.holds(ContextValue.of("arn:aws:iam::123456789012:user/bob"), keys)).isFalse();
        assertThat(c.holds("arn:aws:iam::123456789012:user/alice")).as("unresolved variable").isFalse();
    }

    @Test
    void arnEquals_onAnAbsentKey_isFalse_andArnNotEquals_isTrue() {
        // aws:SourceArn is present only when a service calls on a resource's behalf.
        assertThat(op("ArnEquals", TOPIC).holdsWhenAbsent()).isFalse();
        assertThat(op("ArnNotEquals", TOPIC).holdsWhenAbsent()).isTrue();
        assertThat(op("ArnLikeIfExists", TOPIC).holdsWhenAbsent()).isTrue();
    }
}
