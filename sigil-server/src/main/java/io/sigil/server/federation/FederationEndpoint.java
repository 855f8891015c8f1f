package io.sigil.server.federation;

import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.server.api.CredentialResolver;
import io.sigil.server.api.KeyCredential;
import io.sigil.server.http.Endpoint;
import io.sigil.server.http.HttpCall;
import io.sigil.server.http.HttpReply;
import io.sigil.server.protocol.FormParameters;
import io.sigil.server.rest.JsonTree;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sigil's stand-in for the AWS federation endpoint ({@code https://signin.aws.amazon.com/federation}), which a
 * custom identity broker calls to turn temporary credentials into a console sign-in URL (IAM User Guide, "Enable
 * custom identity broker access to the AWS console"; spec §10 G73). Served at {@value #PATH}:
 *
 * <pre>
 * GET /_sigil/federation?Action=getSigninToken[&amp;SessionDuration=N]&amp;Session={"sessionId":..,"sessionKey":..,"sessionToken":..}
 *     → {"SigninToken":"..."}
 * GET /_sigil/federation?Action=login&amp;Issuer=URL&amp;Destination=URL&amp;SigninToken=T
 *     → 302 to Destination
 * </pre>
 *
 * <p>The rules of the guide: only temporary credentials sign in (the secret is compared in constant time);
 * {@code SessionDuration} (900 to 43,200 seconds, the console session's length) is accepted only with credentials
 * from AssumeRole* that are not role chaining, and without it the console session lasts one hour (AssumeRole) or
 * as long as the credentials (GetFederationToken); a sign-in token is good for 15 minutes after it is issued.
 * Sigil has no console: {@code login} checks the token and redirects to the destination. Errors are 400 with a
 * JSON {@code error}.
 */
public final class FederationEndpoint implements Endpoint {
    public static final String PATH = "/_sigil/federation";
    /** "The sign-in token is valid for 15 minutes after it is issued" (IAM User Guide, as above). */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final long MIN_SESSION_DURATION = 900;
    static final long MAX_SESSION_DURATION = 43_200;
    private static final Duration DEFAULT_ROLE_CONSOLE_SESSION = Duration.ofHours(1);
    private static final byte[] AD = "sigil federation sign-in token v1".getBytes(StandardCharsets.UTF_8);

    private final CredentialResolver credentials;
    private final SecretBox box;
    private final Clock clock;

    public FederationEndpoint(CredentialResolver credentials, SecretBox master, Clock clock) {
        this.credentials = credentials;
        this.box = new SecretBox(master.deriveKey("federation sign-in tokens"));
        this.clock = clock;
    }

    @Override
    public HttpReply handle(HttpCall call) {
        Map<String, List<String>> q = FormParameters.parse(call.rawQuery());
        try {
            String action = one(q, "Action");
            if ("getSigninToken".equals(action)) {
                return getSigninToken(q);
            }
            if ("login".equals(action)) {
                return login(q);
            }
            throw new Refused("Action must be getSigninToken or login.");
        } catch (Refused e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            return error("The request could not be read.");
        }
    }

    private HttpReply getSigninToken(Map<String, List<String>> q) {
        Object parsed;
        try {
            parsed = JsonTree.parse(required(q, "Session").getBytes(StandardCharsets.UTF_8));
        } catch (JsonTree.Malformed e) {
            throw new Refused("Session is not valid JSON.");
        }
        if (!(parsed instanceof Map<?, ?> s) || !(s.get("sessionId") instanceof String id)
                || !(s.get("sessionKey") instanceof String key) || !(s.get("sessionToken") instanceof String token)) {
            throw new Refused("Session must hold sessionId, sessionKey and sessionToken: only temporary security "
                    + "credentials sign in to the console.");
        }
        Instant now = clock.instant();
        Optional<KeyCredential> found = credentials.find(id, Optional.of(token));
        if (found.isEmpty() || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                found.get().secretAccessKey().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("The security credentials are not valid.");
        }
        Session session = found.get().principal().session();
        if (session == null || !now.isBefore(session.expiresAt())) {
            throw new Refused("The security credentials are not valid.");
        }
        Instant consoleEnd = consoleEnd(session, one(q, "SessionDuration"), now);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("k", id);
        claims.put("i", now.getEpochSecond());
        claims.put("c", consoleEnd.getEpochSecond());
        byte[] sealed = box.seal(JsonTree.write(claims).getBytes(StandardCharsets.UTF_8), AD);
        String signinToken = Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        return HttpReply.json(200, JsonTree.write(Map.of("SigninToken", signinToken)));
    }

    /** When the console session would end. */
    private static Instant consoleEnd(Session session, String sessionDuration, Instant now) {
        if (sessionDuration == null) {
            return session.kind() == SessionKind.ASSUMED_ROLE
                    ? min(now.plus(DEFAULT_ROLE_CONSOLE_SESSION), session.expiresAt()) : session.expiresAt();
        }
        long seconds;
        try {
            seconds = Long.parseLong(sessionDuration);
        } catch (NumberFormatException e) {
            throw new Refused("SessionDuration must be a number of seconds from 900 to 43200.");
        }
        if (seconds < MIN_SESSION_DURATION || seconds > MAX_SESSION_DURATION) {
            throw new Refused("SessionDuration must be a number of seconds from 900 to 43200.");
        }
        if (session.kind() != SessionKind.ASSUMED_ROLE) {
            throw new Refused("SessionDuration can be used only with credentials from AssumeRole*.");
        }
        if (session.chained()) {
            throw new Refused("SessionDuration cannot be used with credentials from role chaining.");
        }
        return now.plusSeconds(seconds);
    }

    private HttpReply login(Map<String, List<String>> q) {
        String destination = required(q, "Destination");
        required(q, "Issuer");
        if (!destination.startsWith("https://") && !destination.startsWith("http://")) {
            throw new Refused("Destination must be an http or https URL.");
        }
        byte[] opened;
        try {
            opened = box.open(Base64.getUrlDecoder().decode(required(q, "SigninToken")), AD);
        } catch (RuntimeException e) {
            throw new Refused("The sign-in token is not valid.");
        }
        Map<?, ?> claims;
        try {
            claims = (Map<?, ?>) JsonTree.parse(opened);
        } catch (JsonTree.Malformed e) {
            throw new Refused("The sign-in token is not valid.");
        }
        Instant now = clock.instant();
        Instant issued = Instant.ofEpochSecond(((Number) claims.get("i")).longValue());
        if (now.isAfter(issued.plus(TOKEN_LIFETIME))) {
            throw new Refused("The sign-in token has expired: it is valid for 15 minutes after it is issued.");
        }
        Instant consoleEnd = Instant.ofEpochSecond(((Number) claims.get("c")).longValue());
        return new HttpReply(302, "text/plain", Map.of("Location", destination,
                "X-Sigil-Console-Session-Expires", consoleEnd.toString()), new byte[0]);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String required(Map<String, List<String>> q, String name) {
        String v = one(q, name);
        if (v == null || v.isEmpty()) {
            throw new Refused(name + " is required.");
        }
        return v;
    }

    private static String one(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new Refused(name + " is given more than once.");
        }
        return v.get(0);
    }

    private static HttpReply error(String message) {
        return HttpReply.json(400, JsonTree.write(Map.of("error", message)));
    }

    /** A refusal with its message for the client. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
