package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] AAD = "access-key:123456789012:AKIAEXAMPLE".getBytes(StandardCharsets.UTF_8);
    private final SecretBox box = SecretBox.random();

    @Test
    void sealThenOpen_returnsThePlaintext() {
        byte[] secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);
        assertThat(box.open(box.seal(secret, AAD), AAD)).isEqualTo(secret);
    }

    @Test
    void sealedBytes_areVersionNonceCiphertextAndTag_andDifferEachTime() {
        byte[] secret = new byte[40];
        byte[] a = box.seal(secret, AAD);
        byte[] b = box.seal(secret, AAD);
        assertThat(a).hasSize(1 + 12 + 40 + 16);
        assertThat(a[0]).isEqualTo((byte) 1);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void openingWithOtherAssociatedData_fails() {
        byte[] sealed = box.seal(new byte[] {1, 2, 3}, AAD);
        byte[] otherRow = "access-key:123456789012:AKIAOTHER".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> box.open(sealed, otherRow)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void openingUnderAnotherKey_fails() {
        byte[] sealed = box.seal(new byte[] {1, 2, 3}, AAD);
        assertThatThrownBy(() -> SecretBox.random().open(sealed, AAD)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void aFlippedBit_fails() {
        byte[] sealed = box.seal(new byte[] {1, 2, 3}, AAD);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, AAD)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void keysOtherThan32Bytes_areRefused() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
