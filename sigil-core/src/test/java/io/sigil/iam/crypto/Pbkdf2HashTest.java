package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256 hashes of passwords and secrets (DESIGN.md, "passwords only as a slow salted hash"). */
class Pbkdf2HashTest {

    private final Pbkdf2Hash fast = new Pbkdf2Hash(1_000);

    @Test
    void hash_verifiesItsSecretOnly_andNeverContainsIt() {
        String stored = fast.hash("correct horse battery staple");

        assertThat(Pbkdf2Hash.verify("correct horse battery staple", stored)).isTrue();
        assertThat(Pbkdf2Hash.verify("correct horse battery stapl", stored)).isFalse();
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("horse");
    }

    @Test
    void sameSecretTwice_hashesDifferently_becauseTheSaltIsRandom() {
        assertThat(fast.hash("s")).isNotEqualTo(fast.hash("s"));
    }

    @Test
    void theIterationCountTravelsWithTheHash_soAnotherCountStillVerifies() {
        String stored = new Pbkdf2Hash(2_000).hash("s");
        assertThat(Pbkdf2Hash.verify("s", stored)).isTrue();
    }

    @Test
    void unreadableStoredForms_neverVerify() {
        for (String bad : new String[] {null, "", "plain", "pbkdf2-sha256$x$AA$AA", "md5$1$AA$AA",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$10$!!$AA"}) {
            assertThat(Pbkdf2Hash.verify("s", bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void standard_usesOwaspsIterationCount_andIterationsMustBePositive() {
        assertThat(Pbkdf2Hash.standard().hash("s")).startsWith("pbkdf2-sha256$600000$");
        assertThatThrownBy(() -> new Pbkdf2Hash(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
