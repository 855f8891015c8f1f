package io.sigil.iam.sts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.crypto.SecretBoxException;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.Effect;
import io.sigil.policy.Outcome;
import io.sigil.policy.StatementRef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encoded authorization messages and their decoding (AWS STS API Reference, "DecodeAuthorizationMessage").
 *
 * <p>Which answers carry one: AWS puts "Encoded authorization failure message" only into some services' denials,
 * EC2's {@code UnauthorizedOperation} foremost; IAM's and STS's own AccessDenied answers carry none, and neither do
 * Sigil's. This class is for the services Sigil authorises on behalf of (DESIGN.md: platforms that ask "may this
 * principal do this action on this resource?"), and for DecodeAuthorizationMessage.
 *
 * <p>An encoded message is {@code base64url(FORMAT || SecretBox.seal(json, "authorization-message:" + ACCOUNT))}
 * under a key derived for this purpose only: its content is hidden from the denied caller, and only principals of
 * the account it was made for can decode it. The JSON is the shape AWS documents: {@code allowed},
 * {@code explicitDeny}, {@code matchedStatements}, {@code failures}, {@code context} (principal, action, resource,
 * conditions).
 */
public final class AuthorizationMessages {
    static final byte FORMAT = 1;
    static final String PURPOSE = "sts/authorization-message/aes-256-gcm/v1";
    /** Sigil's wording: AWS documents the cause ("invalid characters, such as line breaks") but not the text. */
    static final String INVALID = "The authorization message is not valid: it is malformed, altered, or was not"
            + " issued for this account.";
    private static final JsonFactory JSON = new JsonFactory();

    private final SecretBox box;

    public AuthorizationMessages(SecretBox masterBox) {
        this.box = new SecretBox(masterBox.deriveKey(PURPOSE));
    }

    /** The encoded message for one decision on a request by {@code principal}. */
    public String encode(Principal principal, String action, String resource, Map<String, ContextValue> keys,
                         Decision decision) {
        byte[] sealed = box.seal(json(principal, action, resource, keys, decision).getBytes(StandardCharsets.UTF_8),
                aad(principal.accountId()));
        byte[] raw = new byte[sealed.length + 1];
        raw[0] = FORMAT;
        System.arraycopy(sealed, 0, raw, 1, sealed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * The decoded JSON of a message made for {@code accountId}.
     *
     * @throws IamException InvalidAuthorizationMessageException for anything else
     */
    public String decode(String accountId, String encoded) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(encoded.trim());
            if (raw.length < 2 || raw[0] != FORMAT) {
                throw invalid();
            }
            return new String(box.open(Arrays.copyOfRange(raw, 1, raw.length), aad(accountId)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | SecretBoxException e) {
            throw invalid();
        }
    }

    private static IamException invalid() {
        return new IamException(ErrorCode.INVALID_AUTHORIZATION_MESSAGE, INVALID);
    }

    private static byte[] aad(String accountId) {
        return ("authorization-message:" + accountId).getBytes(StandardCharsets.US_ASCII);
    }

    static String json(Principal principal, String action, String resource, Map<String, ContextValue> keys,
                       Decision d) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeBooleanField("allowed", d.allowed());
            g.writeBooleanField("explicitDeny", d.outcome() == Outcome.EXPLICIT_DENY);
            g.writeObjectFieldStart("matchedStatements");
            g.writeArrayFieldStart("items");
            for (StatementRef s : d.statements()) {
                g.writeStartObject();
                g.writeStringField("statementId", s.sid() == null || s.sid().isEmpty()
                        ? s.policyName() + "#" + s.statementIndex() : s.sid());
                g.writeStringField("effect", s.effect() == Effect.DENY ? "DENY" : "ALLOW");
                g.writeStringField("policyName", s.policyName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("failures");
            g.writeArrayFieldStart("items");
            g.writeEndArray();
            g.writeEndObject();
            context(g, principal, action, resource, keys);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void context(JsonGenerator g, Principal p, String action, String resource,
                                Map<String, ContextValue> keys) throws IOException {
        g.writeObjectFieldStart("context");
        g.writeObjectFieldStart("principal");
        g.writeStringField("id", p.userId());
        if (p.isIamUser()) {
            g.writeStringField("name", p.user().name());
        } else if (p.session() != null && p.session().name() != null) {
            g.writeStringField("name", p.session().name());
        }
        g.writeStringField("arn", p.arn());
        g.writeEndObject();
        g.writeStringField("action", action);
        g.writeStringField("resource", resource);
        g.writeObjectFieldStart("conditions");
        g.writeArrayFieldStart("items");
        for (Map.Entry<String, ContextValue> e : new TreeMap<>(keys).entrySet()) {
            g.writeStartObject();
            g.writeStringField("key", e.getKey());
            g.writeObjectFieldStart("values");
            g.writeArrayFieldStart("items");
            for (String v : e.getValue().values()) {
                g.writeStartObject();
                g.writeStringField("value", v);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }
}
