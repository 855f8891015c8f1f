package io.sigil.iam.sts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessKeyIdsTest {

    @Test
    void temporaryKeyIds_carryTheirAccount_asAwsKeyIdsDo() {
        for (String account : new String[] {"123456789012", "000000000001", "999999999999", "111122223333"}) {
            String id = AccessKeyIds.temporary(account);
            assertThat(id).startsWith("ASIA").hasSize(20).matches("ASIA[A-Z2-7]{16}");
            assertThat(AccessKeyIds.accountOf(id)).contains(account);
        }
    }

    @Test
    void accountOf_readsBits46To7OfTheFirstSixBytes() {
        // Ten bytes 00 00 00 00 3D 80 | 00 00 00 00: (0x3D80 & 0x7fffffffff80) >> 7 = 123.
        // Base32 of 00 00 00 00 3D 80 00 00 00 00 = AAAAAAB5QAAAAAAA.
        assertThat(AccessKeyIds.accountOf("AKIAAAAAAAB5QAAAAAAA")).contains("000000000123");
    }

    @Test
    void accountOf_writesAsciiDigits_whateverTheDefaultLocale() {
        // Arabic (Egypt) formats numbers with Arabic-Indic digits in CLDR's data; an account ID never does.
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
        try {
            assertThat(AccessKeyIds.accountOf("AKIAAAAAAAB5QAAAAAAA")).contains("000000000123");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void accountOf_refusesIdsThatAreNotPrefixAndSixteenBase32Characters() {
        assertThat(AccessKeyIds.accountOf("AKIA123")).isEmpty();
        assertThat(AccessKeyIds.accountOf("AKIAaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(AccessKeyIds.accountOf("AKIA0000000000000000")).isEmpty();
        assertThat(AccessKeyIds.accountOf(null)).isEmpty();
    }
}
