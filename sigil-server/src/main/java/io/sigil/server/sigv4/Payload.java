package io.sigil.server.sigv4;

import io.sigil.server.sigv4.internal.Hashing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The request body as the verifier needs it: either the bytes, or (when the server streams or has already hashed
 * the body) the lowercase hex SHA-256 of the bytes.
 */
public sealed interface Payload {

    /** Lowercase hex SHA-256 of the body ("HashedPayload" in the AWS canonical request). */
    String sha256Hex();

    static Payload of(byte[] body) {
        return new Bytes(body);
    }

    static Payload empty() {
        return new Bytes(new byte[0]);
    }

    static Payload ofSha256Hex(String sha256Hex) {
        return new Sha256(sha256Hex);
    }

    /** The body itself. */
    record Bytes(byte[] body) implements Payload {
        public Bytes {
            body = Objects.requireNonNull(body, "body").clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String sha256Hex() {
            return Hashing.sha256Hex(body);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(body, other.body);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Bytes[" + body.length + " bytes]";
        }
    }

    /** Only the digest of the body, computed by the caller. */
    record Sha256(String sha256Hex) implements Payload {
        public Sha256 {
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            if (!sha256Hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("not a hex SHA-256: " + sha256Hex);
            }
            sha256Hex = sha256Hex.toLowerCase(Locale.ROOT);
        }
    }
}
