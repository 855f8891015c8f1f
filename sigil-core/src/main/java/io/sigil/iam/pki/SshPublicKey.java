package io.sigil.iam.pki;

import io.sigil.iam.pki.PkiException.Reason;
import io.sigil.iam.pki.internal.Der;
import io.sigil.iam.pki.internal.DerException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * An SSH public key as UploadSSHPublicKey takes it (IAM API Reference, UploadSSHPublicKey › SSHPublicKeyBody): "The
 * public key must be encoded in ssh-rsa format or PEM format. The minimum bit-length of the public key is 2048
 * bits." The IAM User Guide (spec §1.8) bounds it at 16,384 bits.
 *
 * <p>Accepted: an OpenSSH line {@code ssh-rsa BASE64 [comment]} (RFC 4253 §6.6 key blob), a PEM
 * SubjectPublicKeyInfo ({@code PUBLIC KEY}, RFC 5280) or a PEM PKCS#1 key ({@code RSA PUBLIC KEY}, RFC 8017 A.1.1),
 * all RSA. Other key types and encodings are refused as {@link Reason#UNSUPPORTED}, broken ones as
 * {@link Reason#MALFORMED}, short ones as {@link Reason#TOO_SHORT}.
 *
 * @param key the RSA public key
 * @param uploadedAsPem whether the body came as PEM (GetSSHPublicKey returns it as uploaded in that encoding)
 */
public record SshPublicKey(RSAPublicKey key, boolean uploadedAsPem) {

    public static final int MIN_BITS = 2048;
    public static final int MAX_BITS = 16384;

    private static final String SSH_RSA = "ssh-rsa";
    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    /** OpenSSH key types that are SSH keys, just not ones IAM takes. */
    private static final Set<String> OTHER_SSH_TYPES = Set.of("ssh-ed25519", "ssh-dss", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-ed448");

    /** Parses an UploadSSHPublicKey body. @throws PkiException with the reason it is refused */
    public static SshPublicKey parse(String body) {
        String text = body.strip();
        SshPublicKey parsed = text.startsWith("-----BEGIN ") ? fromPem(text) : fromOpenSsh(text);
        int bits = parsed.key.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new PkiException(Reason.TOO_SHORT, "RSA key of " + bits + " bits");
        }
        if (bits > MAX_BITS) {
            throw new PkiException(Reason.MALFORMED, "RSA key of " + bits + " bits");
        }
        return parsed;
    }

    /** The RFC 4253 key blob: string "ssh-rsa", mpint e, mpint n. */
    public byte[] blob() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, SSH_RSA.getBytes(StandardCharsets.US_ASCII));
        writeString(out, key.getPublicExponent().toByteArray());
        writeString(out, key.getModulus().toByteArray());
        return out.toByteArray();
    }

    /**
     * "The MD5 message digest of the SSH public key" (API Reference, SSHPublicKey › Fingerprint), written as OpenSSH
     * writes MD5 fingerprints: the 16 digest bytes of the key blob in lower-case hex, separated by colons.
     */
    public String fingerprint() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob());
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /** The key as {@code ssh-rsa BASE64} (Encoding SSH). */
    public String sshEncoding() {
        return SSH_RSA + " " + Base64.getEncoder().encodeToString(blob());
    }

    /** The key as a PEM SubjectPublicKeyInfo (Encoding PEM). */
    public String pemEncoding() {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    private static SshPublicKey fromOpenSsh(String text) {
        String[] tokens = text.split("\\s+");
        if (OTHER_SSH_TYPES.contains(tokens[0])) {
            throw new PkiException(Reason.UNSUPPORTED, "SSH key type " + tokens[0]);
        }
        if (!tokens[0].equals(SSH_RSA)) {
            throw new PkiException(Reason.UNSUPPORTED, "neither an OpenSSH ssh-rsa line nor PEM");
        }
        if (tokens.length < 2) {
            throw new PkiException(Reason.MALFORMED, "ssh-rsa without key data");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(tokens[1]);
        } catch (IllegalArgumentException e) {
            throw new PkiException(Reason.MALFORMED, "ssh-rsa key data is not base64");
        }
        ByteBuffer in = ByteBuffer.wrap(blob);
        String type = new String(readString(in), StandardCharsets.US_ASCII);
        if (!type.equals(SSH_RSA)) {
            throw new PkiException(Reason.MALFORMED, "key blob of type " + type + " under ssh-rsa");
        }
        BigInteger e = positive(readString(in));
        BigInteger n = positive(readString(in));
        if (in.hasRemaining()) {
            throw new PkiException(Reason.MALFORMED, "trailing bytes after the ssh-rsa key blob");
        }
        return new SshPublicKey(rsa(n, e), false);
    }

    private static SshPublicKey fromPem(String text) {
        Pem.Parsed parsed = Pem.parse(text);
        if (parsed.blocks().size() != 1 || parsed.strayText()) {
            throw new PkiException(Reason.MALFORMED, "expected exactly one PEM block");
        }
        Pem.Block block = parsed.blocks().get(0);
        try {
            switch (block.label()) {
                case "PUBLIC KEY": {
                    Der.Element spki = Der.read(block.der());
                    String algorithm = spki.children().get(0).children().get(0).oid();
                    if (!algorithm.equals(RSA_OID)) {
                        throw new PkiException(Reason.UNSUPPORTED, "public key algorithm " + algorithm);
                    }
                    RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                            .generatePublic(new X509EncodedKeySpec(block.der()));
                    return new SshPublicKey(key, true);
                }
                case "RSA PUBLIC KEY": {
                    var fields = Der.read(block.der()).children();
                    if (fields.size() != 2) {
                        throw new PkiException(Reason.MALFORMED, "PKCS#1 RSAPublicKey with " + fields.size() + " fields");
                    }
                    return new SshPublicKey(rsa(fields.get(0).integer(), fields.get(1).integer()), true);
                }
                default:
                    throw new PkiException(Reason.UNSUPPORTED, "PEM block " + block.label());
            }
        } catch (DerException | IndexOutOfBoundsException | GeneralSecurityException | ClassCastException e) {
            throw new PkiException(Reason.MALFORMED, "public key DER: " + e.getMessage());
        }
    }

    private static RSAPublicKey rsa(BigInteger n, BigInteger e) {
        if (n.signum() <= 0 || e.signum() <= 0 || !n.testBit(0) || !e.testBit(0)) {
            throw new PkiException(Reason.MALFORMED, "not an RSA modulus and exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new PkiException(Reason.MALFORMED, "RSA key: " + ex.getMessage());
        }
    }

    private static BigInteger positive(byte[] mpint) {
        return new BigInteger(1, mpint);
    }

    private static byte[] readString(ByteBuffer in) {
        if (in.remaining() < 4) {
            throw new PkiException(Reason.MALFORMED, "truncated ssh key blob");
        }
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new PkiException(Reason.MALFORMED, "truncated ssh key blob");
        }
        byte[] out = new byte[len];
        in.get(out);
        return out;
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 24);
        out.write(value.length >>> 16);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }
}
