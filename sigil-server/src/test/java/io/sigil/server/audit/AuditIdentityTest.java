package io.sigil.server.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which principal key ids CloudTrail's userIdentity reports: AWS's access key id shape only. */
class AuditIdentityTest {
    @Test
    void anAccessKeyId_is16To128UppercaseLettersOrDigits() {
        assertThat(AuditIdentity.isKeyId("AKIA" + "0".repeat(12))).isTrue();
        assertThat(AuditIdentity.isKeyId("ASIA" + "Z".repeat(124))).isTrue();
        assertThat(AuditIdentity.isKeyId("AKIA" + "0".repeat(11))).isFalse();
        assertThat(AuditIdentity.isKeyId("ASIA" + "Z".repeat(125))).isFalse();
    }

    @Test
    void lowercaseArnsAndNull_areNotAccessKeyIds() {
        assertThat(AuditIdentity.isKeyId("akia0000000000000000")).isFalse();
        assertThat(AuditIdentity.isKeyId("arn:aws:iam::123456789012:user/alice")).isFalse();
        assertThat(AuditIdentity.isKeyId("AKIA00000000000000-0")).isFalse();
        assertThat(AuditIdentity.isKeyId(null)).isFalse();
    }
}
