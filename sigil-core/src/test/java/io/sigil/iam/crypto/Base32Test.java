package io.sigil.iam.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 4648 §10 test vectors, without padding. */
class Base32Test {

    @ParameterizedTest(name = "BASE32(\"{0}\") = {1}")
    @CsvSource(value = {"f|MY", "fo|MZXQ", "foo|MZXW6", "foob|MZXW6YQ", "fooba|MZXW6YTB", "foobar|MZXW6YTBOI"},
            delimiter = '|')
    void encode_matchesRfc4648Section10_andDecodesBack(String clear, String encoded) {
        byte[] bytes = clear.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded);
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.toLowerCase() + "===")).isEqualTo(bytes);
    }

    @Test
    void forty_seedBytes_are64Characters() {
        assertThat(Base32.encode(new byte[40])).hasSize(64).matches("[A-Z2-7]+");
    }

    @Test
    void decode_refusesCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Base32.decode("MZ1")).isInstanceOf(IllegalArgumentException.class);
    }
}
