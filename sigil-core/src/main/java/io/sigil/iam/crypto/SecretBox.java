package io.sigil.iam.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of secrets at rest (secret access keys, MFA seeds, private keys): AES-256-GCM with a
 * random 96-bit nonce per message and a 128-bit tag. The associated data binds a ciphertext to the row it belongs
 * to (for example {@code access-key:123456789012:AKIA...}), so a ciphertext copied to another row fails to open.
 *
 * <p>Layout: {@code version(1) || nonce(12) || ciphertext+tag}. Version 1 is the only one; it leaves room for
 * key rotation. Thread-safe: a {@link Cipher} is created per call.
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box under a fresh random key (tests, ephemeral servers). */
    public static SecretBox random() {
        byte[] k = new byte[KEY_BYTES];
        RANDOM.nextBytes(k);
        return new SecretBox(k);
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ct = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length).put(VERSION).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a sealed message.
     *
     * @throws SecretBoxException if the message was altered, belongs to another row, or was sealed under another key
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SecretBoxException("not a sealed secret of version " + VERSION);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretBoxException("sealed secret failed authentication (wrong key or row)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A 32-byte key for another purpose, derived from this box's key with HMAC-SHA256 over
     * {@code "sigil-derive:" + purpose} (one-step KDF, NIST SP 800-108 style): session tokens and the secrets of
     * temporary keys get keys of their own, so a ciphertext or MAC made for one purpose is useless for another.
     */
    public byte[] deriveKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("sigil-derive:" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM]";
    }
}
