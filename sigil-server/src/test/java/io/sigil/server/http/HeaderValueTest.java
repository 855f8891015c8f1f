package io.sigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Header values as Jetty hands them over (one char per byte) become the UTF-8 text their bytes spell, if any. */
class HeaderValueTest {

    private static String asJettyReadsIt(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void asciiIsUnchanged_andNullStaysNull() {
        assertThat(SigilHttpServer.utf8("aws-sdk-java/2.0 md/io#sync")).isEqualTo("aws-sdk-java/2.0 md/io#sync");
        assertThat(SigilHttpServer.utf8(null)).isNull();
    }

    @Test
    void utf8Bytes_becomeTheirText() {
        String text = "\u00fcn\u00ef \u20ac \uD83D\uDE00";

        assertThat(SigilHttpServer.utf8(asJettyReadsIt(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
    }

    @Test
    void bytesThatAreNotUtf8_stayAsRead() {
        String latin1 = asJettyReadsIt(new byte[] {'a', (byte) 0xFC, 'b'});
        String truncated = asJettyReadsIt(new byte[] {(byte) 0xE2, (byte) 0x82});

        assertThat(SigilHttpServer.utf8(latin1)).isEqualTo(latin1);
        assertThat(SigilHttpServer.utf8(truncated)).isEqualTo(truncated);
    }

    @Test
    void charsBeyondOneByte_areNotRedecoded() {
        assertThat(SigilHttpServer.utf8("\u20ac\u00c3\u00bc")).isEqualTo("\u20ac\u00c3\u00bc");
    }
}
