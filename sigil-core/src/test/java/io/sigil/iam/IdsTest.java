package io.sigil.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void uniqueIds_arePrefixPlus17Base32Characters_21InAll() {
        assertThat(Ids.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(Ids.groupId()).matches("AGPA[A-Z2-7]{17}");
        assertThat(Ids.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(Ids.policyId()).matches("ANPA[A-Z2-7]{17}").hasSize(Ids.UNIQUE_ID_LENGTH);
    }

    @Test
    void accessKeyIds_areAkiaPlus16Base32Characters_20InAll() {
        assertThat(Ids.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(Ids.temporaryAccessKeyId()).matches("ASIA[A-Z2-7]{16}");
    }

    @Test
    void secretAccessKeys_are40Base64Characters() {
        assertThat(Ids.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
    }

    @Test
    void accountIds_are12Digits() {
        assertThat(Ids.accountId()).matches("[0-9]{12}");
    }

    @Test
    void ids_doNotRepeatOverManyDraws() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.userId())).isTrue();
            assertThat(seen.add(Ids.secretAccessKey())).isTrue();
        }
    }
}
