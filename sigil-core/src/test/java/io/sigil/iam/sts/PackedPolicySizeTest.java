package io.sigil.iam.sts;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedPolicySizeTest {
    private static final String SMALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";

    @Test
    void noPoliciesOrTags_packToZero() {
        assertThat(PackedPolicySize.percent(null, List.of(), List.of())).isZero();
    }

    @Test
    void aSmallPolicy_packsToAFewPercent() {
        assertThat(PackedPolicySize.percent(SMALL, List.of(), List.of())).isBetween(1, 15);
    }

    @Test
    void whitespace_doesNotCount() {
        String spaced = SMALL.replace(",", " ,\n   ").replace(":", " : ");
        assertThat(PackedPolicySize.percent(spaced, List.of(), List.of()))
                .isEqualTo(PackedPolicySize.percent(SMALL, List.of(), List.of()));
    }

    @Test
    void tagsAndArns_countToo() {
        int base = PackedPolicySize.percent(SMALL, List.of(), List.of());
        assertThat(PackedPolicySize.percent(SMALL, List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                List.of(new Tag("Project", "Unicorn"), new Tag("Team", "Automation")))).isGreaterThan(base);
    }

    @Test
    void overTheBudget_isPackedPolicyTooLarge_withThePercentage() {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(42);
        for (int i = 0; i < 400; i++) {
            sb.append(Integer.toHexString(r.nextInt()));
        }
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::"
                + sb + "\"}]}";
        assertThatThrownBy(() -> PackedPolicySize.check(policy, List.of(), List.of()))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.code()).isEqualTo("PackedPolicyTooLarge");
                    assertThat(e.safeMessage()).matches("Packed policy consumes \\d{3}% of allotted space");
                });
    }
}
