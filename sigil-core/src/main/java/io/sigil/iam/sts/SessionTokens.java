package io.sigil.iam.sts;

import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.crypto.SecretBoxException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens and the secrets of temporary keys (DESIGN.md, "Secrets and credentials").
 *
 * <p>A token is {@code base64(FORMAT || SecretBox.seal(payload, AAD))}: the session serialised by
 * {@link SessionCodec}, encrypted and authenticated with AES-256-GCM under a key derived from the master key for
 * this purpose alone, the associated data naming the format. Nothing in it can be read or changed without the key,
 * and a token sealed under another master key, altered in any bit, or of an unknown format does not open.
 *
 * <p>The secret access key of the token's {@code ASIA…} key id is never stored anywhere: it is
 * {@code base64(HMAC-SHA256(K_secret, keyId || 0 || SHA-256(token)))} cut to AWS's 40 characters, with
 * {@code K_secret} a second derived key. Any node with the master key recomputes it from the request's token, so
 * SigV4 verification of temporary credentials needs no database row.
 *
 * <p>Versioning: {@link #FORMAT} is the first byte; a later format gets a new number and this class keeps opening
 * the formats it still accepts. Thread-safe.
 */
public final class SessionTokens {
    /** The token format this class writes and reads. */
    public static final byte FORMAT = 1;
    static final String ENCRYPTION_PURPOSE = "sts/session-token/aes-256-gcm/v1";
    static final String SECRET_PURPOSE = "sts/temporary-secret/hmac-sha256/v1";
    private static final byte[] AAD = "sigil session token v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretBox box;
    private final byte[] secretKey;

    public SessionTokens(SecretBox masterBox) {
        this.box = new SecretBox(masterBox.deriveKey(ENCRYPTION_PURPOSE));
        this.secretKey = masterBox.deriveKey(SECRET_PURPOSE);
    }

    /** Seals a session into new credentials: its key id, derived secret, token and expiration. */
    public IssuedCredentials issue(Session session) {
        byte[] sealed = box.seal(SessionCodec.encode(session), AAD);
        byte[] raw = new byte[sealed.length + 1];
        raw[0] = FORMAT;
        System.arraycopy(sealed, 0, raw, 1, sealed.length);
        String token = Base64.getEncoder().encodeToString(raw);
        return new IssuedCredentials(session.accessKeyId(), secretFor(session.accessKeyId(), token), token,
                session.expiresAt());
    }

    /**
     * The session a token carries, if the token is well formed, of a known format, authentic under this server's key
     * and issued for {@code accessKeyId}; empty otherwise (the caller answers InvalidClientTokenId). Expiry is not
     * checked here: an expired session still opens, so that the caller can answer ExpiredToken.
     */
    public Optional<Session> open(String accessKeyId, String token) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length < 2 || raw[0] != FORMAT) {
            return Optional.empty();
        }
        try {
            Session s = SessionCodec.decode(box.open(Arrays.copyOfRange(raw, 1, raw.length), AAD));
            return s.accessKeyId().equals(accessKeyId) ? Optional.of(s) : Optional.empty();
        } catch (SecretBoxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The secret access key of a temporary key id with its token. */
    public String secretFor(String accessKeyId, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            mac.update(accessKeyId.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            byte[] out = mac.doFinal(digest);
            return Base64.getEncoder().encodeToString(Arrays.copyOf(out, 30));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 or HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SessionTokens[format " + FORMAT + "]";
    }
}
