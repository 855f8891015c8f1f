package io.sigil.iam.pki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PEM text (RFC 7468, "Textual Encodings of PKIX, PKCS, and CMS Structures"): {@code -----BEGIN LABEL-----}, base64
 * lines, {@code -----END LABEL-----}. The RFC 1421 headers that OpenSSL writes before the base64 of a legacy
 * encrypted key ({@code Proc-Type: 4,ENCRYPTED}, {@code DEK-Info: ...}) are kept, so that such a key can be told
 * apart from a malformed one.
 *
 * <p>IAM takes certificates, chains and private keys "in PEM-encoded format" (IAM API Reference,
 * UploadServerCertificate); this class only splits the text into blocks, and callers decide what a block must be.
 */
public final class Pem {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    /**
     * One PEM block.
     *
     * @param label the text between {@code BEGIN } and the dashes, e.g. {@code CERTIFICATE}
     * @param headers RFC 1421 headers, in order; empty for RFC 7468 blocks
     * @param der the decoded base64
     */
    public record Block(String label, Map<String, String> headers, byte[] der) {

        public Block {
            Objects.requireNonNull(label, "label");
            headers = Map.copyOf(headers);
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }

        /** The block written back as PEM, 64 base64 characters a line, ending with a newline. */
        public String encode() {
            return Pem.encode(label, der);
        }
    }

    /**
     * The blocks of {@code text} and whether anything but whitespace lies outside them.
     *
     * @param strayText true when {@code text} holds non-whitespace before, between or after the blocks
     */
    public record Parsed(List<Block> blocks, boolean strayText) {

        public Parsed {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * Splits {@code text} into PEM blocks.
     *
     * @throws PkiException MALFORMED when a block is not closed, the END label differs, or the base64 is bad
     */
    public static Parsed parse(String text) {
        List<Block> blocks = new ArrayList<>();
        boolean stray = false;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.startsWith(BEGIN) && line.endsWith(DASHES) && line.length() > BEGIN.length() + DASHES.length()) {
                String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
                i = readBlock(lines, i + 1, label, blocks);
            } else {
                if (!line.isEmpty()) {
                    stray = true;
                }
                i++;
            }
        }
        return new Parsed(blocks, stray);
    }

    /** {@code -----BEGIN label-----}, the base64 of {@code der} in 64-character lines, {@code -----END label-----}. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return BEGIN + label + DASHES + "\n" + b64 + "\n" + END + label + DASHES + "\n";
    }

    private static int readBlock(String[] lines, int start, String label, List<Block> out) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder b64 = new StringBuilder();
        int i = start;
        boolean inHeaders = true;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(END)) {
                if (!line.equals(END + label + DASHES)) {
                    throw new PkiException(PkiException.Reason.MALFORMED, "PEM END label differs from BEGIN");
                }
                out.add(new Block(label, headers, decode(b64.toString())));
                return i + 1;
            }
            int colon = line.indexOf(':');
            if (inHeaders && colon > 0 && b64.length() == 0) {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                continue;
            }
            inHeaders = false;
            b64.append(line);
        }
        throw new PkiException(PkiException.Reason.MALFORMED, "PEM block " + label + " is not closed");
    }

    private static byte[] decode(String b64) {
        if (b64.isEmpty()) {
            throw new PkiException(PkiException.Reason.MALFORMED, "empty PEM block");
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new PkiException(PkiException.Reason.MALFORMED, "PEM block is not base64");
        }
    }
}
