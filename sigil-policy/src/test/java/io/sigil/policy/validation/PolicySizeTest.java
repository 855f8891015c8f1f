package io.sigil.policy.validation;

import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import org.junit.jupiter.api.Test;

import static io.sigil.policy.validation.Policies.identity;
import static io.sigil.policy.validation.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM and AWS STS quotas: policy sizes count characters, not whitespace; whitespace inside strings is content. */
class PolicySizeTest {
    @Test
    void nonWhitespaceSize_excludesWhitespaceBetweenTokens() {
        assertThat(PolicyValidator.nonWhitespaceSize("{ \"a\" :\n\t\"b\" }\r\n")).isEqualTo("{\"a\":\"b\"}".length());
    }

    @Test
    void nonWhitespaceSize_countsWhitespaceInsideStrings() {
        assertThat(PolicyValidator.nonWhitespaceSize("{\"Sid\": \"a b\"}")).isEqualTo("{\"Sid\":\"a b\"}".length());
    }

    @Test
    void nonWhitespaceSize_handlesEscapedQuotes() {
        assertThat(PolicyValidator.nonWhitespaceSize("[\"a\\\" b\", 1]")).isEqualTo("[\"a\\\" b\",1]".length());
    }

    @Test
    void reportCarriesTheSize() {
        String text = statement("'Effect':'Allow','Action':'s3:GetObject','Resource':'*'");
        assertThat(identity(text).size()).isEqualTo(PolicyValidator.nonWhitespaceSize(text));
    }

    private static String policyOfSize(int size) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/";
        String tail = "\"}}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void identityPolicyAtQuota_isNotWarned_andOneAbove_is() {
        assertThat(PolicyValidator.nonWhitespaceSize(policyOfSize(6144))).isEqualTo(6144);
        assertThat(identity(policyOfSize(6143)).codes()).doesNotContain("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA");
        assertThat(identity(policyOfSize(6144)).codes()).doesNotContain("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA");
        assertThat(identity(policyOfSize(6145)).codes()).contains("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA");
    }

    @Test
    void scpAtQuota_isAccepted_andOneAbove_isRejected() {
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/";
        String tail = "\"}}";
        String at = deny + "x".repeat(5120 - deny.length() - tail.length()) + tail;
        assertThat(PolicyValidator.validate(at, PolicyType.SCP).hasErrors()).isFalse();
        assertThat(PolicyValidator.validate(at.replace("/x", "/xx"), PolicyType.SCP).codes())
                .contains("POLICY_SIZE_EXCEEDS_SCP_QUOTA");
    }
}
