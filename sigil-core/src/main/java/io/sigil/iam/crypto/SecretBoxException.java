package io.sigil.iam.crypto;

/** A sealed secret could not be opened: tampered, moved to another row, or sealed under another key. */
public final class SecretBoxException extends RuntimeException {
    public SecretBoxException(String message) {
        super(message);
    }
}
