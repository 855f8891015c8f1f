package io.sigil.iam.sts;

import io.sigil.iam.model.Tag;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link Session} inside a token: a payload version byte, then the fields in a fixed order.
 * Strings are a length and UTF-8 bytes (a length of -1 is null); times are epoch seconds. A web identity session
 * appends a block (marker byte 1, provider ARN, key count, each key with its values); other sessions end after the
 * chained flag, as payloads of version 1 always did. Decoding rejects unknown versions, trailing bytes and impossible
 * lengths with {@link IllegalArgumentException}.
 */
final class SessionCodec {
    static final int PAYLOAD_VERSION = 1;
    /** Larger than any field STS accepts (a session policy document is at most a few kilobytes). */
    private static final int MAX_STRING_BYTES = 65_536;
    private static final int MAX_LIST = 64;
    private static final int WEB_IDENTITY_BLOCK = 1;

    private SessionCodec() {
    }

    static byte[] encode(Session s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(PAYLOAD_VERSION);
            out.writeByte(s.kind().code());
            string(out, s.accountId());
            string(out, s.accessKeyId());
            string(out, s.sourceArn());
            string(out, s.sourceId());
            string(out, s.name());
            out.writeLong(s.issuedAt().getEpochSecond());
            out.writeLong(s.expiresAt().getEpochSecond());
            out.writeLong(s.mfaAuthenticatedAt() == null ? Long.MIN_VALUE : s.mfaAuthenticatedAt().getEpochSecond());
            string(out, s.policy());
            strings(out, s.policyArns());
            out.writeShort(s.tags().size());
            for (Tag t : s.tags()) {
                string(out, t.key());
                string(out, t.value());
            }
            strings(out, s.transitiveTagKeys());
            string(out, s.sourceIdentity());
            out.writeBoolean(s.chained());
            if (s.webIdentity() != null) {
                out.writeByte(WEB_IDENTITY_BLOCK);
                string(out, s.webIdentity().providerArn());
                out.writeShort(s.webIdentity().keys().size());
                for (Map.Entry<String, List<String>> e : s.webIdentity().keys().entrySet()) {
                    string(out, e.getKey());
                    strings(out, e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Session decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != PAYLOAD_VERSION) {
                throw new IllegalArgumentException("unknown session payload version " + version);
            }
            SessionKind kind = SessionKind.ofCode(in.readUnsignedByte());
            String account = string(in);
            String keyId = string(in);
            String sourceArn = string(in);
            String sourceId = string(in);
            String name = string(in);
            Instant issued = Instant.ofEpochSecond(in.readLong());
            Instant expires = Instant.ofEpochSecond(in.readLong());
            long mfa = in.readLong();
            String policy = string(in);
            List<String> arns = strings(in);
            int tagCount = count(in.readUnsignedShort());
            List<Tag> tags = new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) {
                tags.add(new Tag(string(in), string(in)));
            }
            List<String> transitive = strings(in);
            String sourceIdentity = string(in);
            boolean chained = in.readBoolean();
            WebIdentityContext webIdentity = in.available() == 0 ? null : webIdentity(in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes in session payload");
            }
            return new Session(kind, account, keyId, sourceArn, sourceId, name, issued, expires,
                    mfa == Long.MIN_VALUE ? null : Instant.ofEpochSecond(mfa), policy, arns, tags, transitive,
                    sourceIdentity, chained, webIdentity);
        } catch (IOException | NullPointerException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("malformed session payload", e);
        }
    }

    private static WebIdentityContext webIdentity(DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != WEB_IDENTITY_BLOCK) {
            throw new IllegalArgumentException("unknown block in session payload");
        }
        String provider = string(in);
        int n = count(in.readUnsignedShort());
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = string(in);
            if (key == null) {
                throw new IllegalArgumentException("null key");
            }
            keys.put(key, strings(in));
        }
        return new WebIdentityContext(provider, keys);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("bad string length " + n);
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IllegalArgumentException("truncated session payload");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeShort(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = count(in.readUnsignedShort());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String s = string(in);
            if (s == null) {
                throw new IllegalArgumentException("null in a list");
            }
            out.add(s);
        }
        return out;
    }

    private static int count(int n) {
        if (n > MAX_LIST) {
            throw new IllegalArgumentException("list too long: " + n);
        }
        return n;
    }
}
