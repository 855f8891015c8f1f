package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256 password hashes: format, round trip, constant-time verification, rehash. */
class Pbkdf2PasswordsTest {

    /** Fast instance for round trips; the standard count is checked on its own. */
    private final Pbkdf2Passwords fast = new Pbkdf2Passwords(Pbkdf2Passwords.MIN_ITERATIONS);

    @Test
    void standard_uses310000IterationsA16ByteSaltAnd32ByteHash_inAVersionedEncoding() {
        String h = Pbkdf2Passwords.standard().hash("Correct-Horse-1");

        assertThat(h).startsWith("$pbkdf2-sha256$v=1$i=310000$");
        Pbkdf2Passwords.Hash parsed = Pbkdf2Passwords.parse(h);
        assertThat(parsed.iterations()).isGreaterThanOrEqualTo(310_000);
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.hash()).hasSize(32);
        assertThat(h).doesNotContain("Correct-Horse-1");
    }

    @Test
    void verify_acceptsTheSamePassword_andRefusesAnyOther() {
        String h = fast.hash("Tr0ub4dor&3");

        assertThat(fast.verify("Tr0ub4dor&3", h)).isTrue();
        assertThat(fast.verify("Tr0ub4dor&4", h)).isFalse();
        assertThat(fast.verify("tr0ub4dor&3", h)).isFalse();
        assertThat(fast.verify("Tr0ub4dor&3 ", h)).isFalse();
    }

    @Test
    void hash_usesAFreshSaltEachTime() {
        assertThat(fast.hash("same")).isNotEqualTo(fast.hash("same"));
    }

    @Test
    void hash_isPbkdf2HmacSha256OfThePasswordAndSalt_asTheJdkComputesIt() throws Exception {
        Pbkdf2Passwords.Hash h = Pbkdf2Passwords.parse(fast.hash("pässwörd"));
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("pässwörd".toCharArray(), h.salt(), h.iterations(), 256)).getEncoded();

        assertThat(HexFormat.of().formatHex(h.hash())).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void hashLike_reusesTheReferenceSaltAndCount_soEqualPasswordsGiveEqualHashes() {
        String reference = fast.hash("first");
        String again = fast.hashLike("first", reference);

        assertThat(again).isEqualTo(reference);
        assertThat(Pbkdf2Passwords.sameHash(fast.hashLike("second", reference), reference)).isFalse();
    }

    @Test
    void needsRehash_whenStoredWithFewerIterationsThanTheCurrentCount() {
        String old = fast.hash("pw");

        assertThat(new Pbkdf2Passwords(2_000).needsRehash(old)).isTrue();
        assertThat(fast.needsRehash(old)).isFalse();
        assertThat(new Pbkdf2Passwords(2_000).verify("pw", old)).as("the stored count is used").isTrue();
    }

    @Test
    void parse_refusesOtherSchemesAndVersions() {
        assertThatThrownBy(() -> Pbkdf2Passwords.parse("$2a$10$abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pbkdf2Passwords.parse("$pbkdf2-sha256$v=2$i=1000$AA$AA"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pbkdf2Passwords(999)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The derivation runs whatever the password, and the comparison (MessageDigest.isEqual) looks at every byte:
     * a wrong password is not rejected measurably sooner than the right one is accepted.
     */
    @Test
    void verify_takesAsLongForAWrongPasswordAsForTheRightOne() {
        Pbkdf2Passwords slower = new Pbkdf2Passwords(20_000);
        String h = slower.hash("right-password");
        for (int i = 0; i < 5; i++) { // warm up
            slower.verify("right-password", h);
            slower.verify("x", h);
        }
        // Alternated and the fastest of each kept: the VM's speed drifts between and during runs (a median of 15
        // calls of one kind, then 15 of the other, once measured 0.47 on CI's kind of machine), while an early exit
        // on a wrong password would make it tens of times faster than the slowest the right one can be.
        long right = Long.MAX_VALUE;
        long wrong = Long.MAX_VALUE;
        for (int i = 0; i < 21; i++) {
            right = Math.min(right, nanos(() -> slower.verify("right-password", h)));
            wrong = Math.min(wrong, nanos(() -> slower.verify("x", h)));
        }

        assertThat((double) wrong / right).isBetween(0.5, 2.0);
    }

    private static long nanos(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    @Test
    void toString_showsNoSecret() {
        assertThat(fast.toString()).isEqualTo("Pbkdf2Passwords[HMAC-SHA256, 1000 iterations]");
    }
}
