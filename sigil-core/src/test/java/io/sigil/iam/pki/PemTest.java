package io.sigil.iam.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 7468 PEM framing, with RFC 1421 headers kept. */
class PemTest {

    @Test
    void blocks_areSplitWithTheirLabels_andCrLfLinesAreAccepted() {
        String text = Pem.encode("CERTIFICATE", "abc".getBytes(StandardCharsets.US_ASCII)).replace("\n", "\r\n")
                + "\n" + Pem.encode("PRIVATE KEY", "xyz".getBytes(StandardCharsets.US_ASCII));

        Pem.Parsed parsed = Pem.parse(text);

        assertThat(parsed.blocks()).extracting(Pem.Block::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
        assertThat(parsed.blocks().get(1).der()).isEqualTo("xyz".getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.strayText()).isFalse();
    }

    @Test
    void textOutsideBlocks_isReportedAsStray() {
        assertThat(Pem.parse("Bag Attributes\n" + Pem.encode("X", new byte[] {1})).strayText()).isTrue();
    }

    @Test
    void rfc1421Headers_areKept() {
        Pem.Block b = Pem.parse("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAQID\n"
                + "-----END RSA PRIVATE KEY-----").blocks().get(0);

        assertThat(b.headers()).containsEntry("Proc-Type", "4,ENCRYPTED").containsEntry("DEK-Info", "AES-128-CBC,00");
        assertThat(b.der()).containsExactly(1, 2, 3);
    }

    @Test
    void unclosedBlock_mismatchedEnd_andBadBase64_areMalformed() {
        assertThatThrownBy(() -> Pem.parse("-----BEGIN X-----\nAQID\n")).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> Pem.parse("-----BEGIN X-----\nAQID\n-----END Y-----")).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> Pem.parse("-----BEGIN X-----\n@@@\n-----END X-----")).isInstanceOf(PkiException.class);
    }
}
