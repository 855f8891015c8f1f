package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Pbkdf2Passwords;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reuse checks on hashes only (spec §5.1 PasswordReusePrevention). */
class PasswordHistoryTest {

    private final Pbkdf2Passwords hasher = new Pbkdf2Passwords(Pbkdf2Passwords.MIN_ITERATIONS);

    @Test
    void entries_shareTheNewestEntrysSalt_andAreFoundAgain() {
        String first = new PasswordHistory(hasher, "one").entry(List.of());
        String second = new PasswordHistory(hasher, "two").entry(List.of(first));

        assertThat(Pbkdf2Passwords.parse(second).salt()).isEqualTo(Pbkdf2Passwords.parse(first).salt());
        assertThat(new PasswordHistory(hasher, "one").isIn(List.of(second, first))).isTrue();
        assertThat(new PasswordHistory(hasher, "two").isIn(List.of(second, first))).isTrue();
        assertThat(new PasswordHistory(hasher, "three").isIn(List.of(second, first))).isFalse();
    }

    @Test
    void entriesUnderOtherSaltsOrCounts_areCheckedToo() {
        String old = new Pbkdf2Passwords(2_000).hash("legacy");
        String fresh = hasher.hash("current");

        assertThat(new PasswordHistory(hasher, "legacy").isIn(List.of(fresh, old))).isTrue();
        assertThat(new PasswordHistory(hasher, "other").isIn(List.of(fresh, old))).isFalse();
    }

    @Test
    void aNewEntry_afterOneWithFewerIterations_startsAFreshSalt() {
        String old = new Pbkdf2Passwords(Pbkdf2Passwords.MIN_ITERATIONS).hash("legacy");
        String next = new PasswordHistory(new Pbkdf2Passwords(2_000), "next").entry(List.of(old));

        assertThat(Pbkdf2Passwords.parse(next).iterations()).isEqualTo(2_000);
        assertThat(Pbkdf2Passwords.parse(next).salt()).isNotEqualTo(Pbkdf2Passwords.parse(old).salt());
    }
}
