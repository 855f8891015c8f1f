package io.sigil.server.rest;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.sts.CallerPolicyGate;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.CallServices;
import io.sigil.server.api.EnforcementGate;
import io.sigil.server.api.KeyCredential;
import io.sigil.server.api.RequestIds;
import io.sigil.server.api.RequestKeys;
import io.sigil.server.api.SignedCalls;
import io.sigil.server.audit.AuditEvent;
import io.sigil.server.audit.AuditIdentity;
import io.sigil.server.http.ApiEndpoint;
import io.sigil.server.http.HttpCall;
import io.sigil.server.http.HttpReply;
import io.sigil.server.sigv4.SigV4Error;
import io.sigil.server.sigv4.SigV4Verifier;
import io.sigil.server.sigv4.Verification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one REST-JSON operation: SigV4 (the server's credential resolver; the operation's signing name, any
 * region) → the operation's action authorised through the engine on {@code *} → the operation → JSON, with one
 * metrics sample and (unless the operation opts out for successes) one audit event per call. Errors follow the
 * restJson1 protocol: {@code x-amzn-ErrorType} names the error shape, the body is {@code {"message": ...}} plus the
 * shape's members. Nothing internal reaches the client.
 */
public final class RestJsonDispatcher implements ApiEndpoint {
    /** Text of InternalServerException: nothing about the cause leaves the server. */
    static final String INTERNAL = "Request processing has failed due to an internal error.";
    /** Sigil's own actions (sigil:Authorize) are not an AWS service's and are not tracked for last accessed data. */
    private static final String SIGIL_PREFIX = "sigil:";

    private final RestOperation operation;
    private final SigV4Verifier<KeyCredential> verifier;
    private final CallServices services;
    private final EnforcementGate gate;

    public RestJsonDispatcher(RestOperation operation, SigV4Verifier<KeyCredential> verifier, CallServices services) {
        this.operation = operation;
        this.verifier = verifier;
        this.services = services;
        this.gate = new EnforcementGate(services.mode(), services.metrics());
    }

    private static final class Trace {
        final String requestId = RequestIds.next();
        final long started = System.nanoTime();
        final RestOperation.AuditNote note = new RestOperation.AuditNote();
        Principal principal;
        String region = "us-east-1";
        RestJsonException error;
        String denial;
    }

    @Override
    public HttpReply handle(HttpCall call) {
        Trace t = new Trace();
        Instant now = services.clock().instant();
        try {
            String json = run(call, t, now);
            return finish(call, t, now, HttpReply.json(200, json));
        } catch (RestJsonException e) {
            t.error = e;
        } catch (IamException e) {
            t.error = new RestJsonException(e.code(), e.httpStatus(), e.safeMessage());
        } catch (RuntimeException e) {
            // Looked up only here: java.util.logging starts up at the first Logger.getLogger, ~20 ms of a cold start
            // when a static field did it (sigil-bench's ColdStart).
            Logger.getLogger(RestJsonDispatcher.class.getName())
                    .log(Level.WARNING, "request " + t.requestId + " failed", e);
            t.error = new RestJsonException("InternalServerException", 500, INTERNAL);
        }
        return finish(call, t, now, errorReply(t.error));
    }

    @Override
    public HttpReply refuse(HttpCall partial, int status, String code, String message) {
        Trace t = new Trace();
        t.error = status == 413 ? new RestJsonException("RequestEntityTooLargeException", 413, message)
                : RestJsonException.validation(message, "cannotParse", null);
        return finish(partial, t, services.clock().instant(), errorReply(t.error));
    }

    private String run(HttpCall call, Trace t, Instant now) {
        Verification.Verified<KeyCredential> ok = SignedCalls.verify(verifier, call, now,
                RestJsonDispatcher::signatureError);
        t.principal = ok.credential().principal();
        t.region = ok.region();
        services.keyUse().used(ok.accessKeyId(), now, operation.signingName(), t.region);
        CallContext ctx = new CallContext(t.requestId, t.principal, now, call.remoteAddress(),
                call.header("user-agent"), call.secure(), ok.region(),
                CallerPolicyGate.ENFORCE); // no REST-JSON operation authorises inside itself
        if (services.tracking() != null && !operation.action().startsWith(SIGIL_PREFIX)) {
            // every attempt counts, allowed or denied, as for the Query API (ApiDispatcher)
            services.tracking().record(t.principal, operation.action(), t.region, now);
        }
        authorize(ctx, t);
        return operation.handle(call, ctx, t.note);
    }

    /**
     * The operation's action on {@code *}: neither ValidatePolicy nor sigil:Authorize names a resource type
     * (Service Authorization Reference, IAM Access Analyzer: ValidatePolicy has no resource types).
     */
    private void authorize(CallContext ctx, Trace t) {
        if (!gate.checks()) {
            return;
        }
        Principal p = ctx.principal();
        Map<String, ContextValue> keys = RequestKeys.of(ctx);
        keys.put("aws:RequestedRegion", ContextValue.of(ctx.region()));
        Decision d = services.authorizer().authorize(p, operation.action(), "*", p.accountId(), keys);
        if (d.allowed()) {
            return;
        }
        String message = Authorizer.deniedMessage(p, operation.action(), "*", d);
        t.denial = gate.deny(operation.name(), d, message, m -> new RestJsonException("AccessDeniedException", 403, m));
    }

    /**
     * SigV4 failures as REST-JSON services name them (the common errors of JSON APIs: MissingAuthenticationToken,
     * UnrecognizedClient, InvalidSignature, IncompleteSignature, ExpiredToken, each with an Exception suffix),
     * keeping the verifier's message.
     */
    static RestJsonException signatureError(SigV4Error e) {
        switch (e.code()) {
            case MISSING_AUTHENTICATION_TOKEN:
                return new RestJsonException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
            case INCOMPLETE_SIGNATURE:
                return new RestJsonException("IncompleteSignatureException", 400, e.message());
            case INVALID_CLIENT_TOKEN_ID:
                return new RestJsonException("UnrecognizedClientException", 403,
                        "The security token included in the request is invalid.");
            case EXPIRED_TOKEN:
                return new RestJsonException("ExpiredTokenException", 403,
                        "The security token included in the request is expired");
            default:
                return new RestJsonException("InvalidSignatureException", 403, e.message());
        }
    }

    /** An error in restJson1's shape. */
    public static HttpReply errorReply(RestJsonException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.safeMessage());
        body.putAll(e.members());
        return new HttpReply(e.status(), "application/json", Map.of("x-amzn-ErrorType", e.code()),
                JsonTree.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private HttpReply finish(HttpCall call, Trace t, Instant now, HttpReply reply) {
        String outcome = t.error == null ? "success" : t.error.code();
        services.metrics().request(operation.name(), outcome, System.nanoTime() - t.started);
        if (t.error != null || operation.auditSuccess()) {
            String agent = call.header("user-agent");
            services.audit().record(new AuditEvent(now, operation.signingName() + ".amazonaws.com", operation.name(),
                    t.region, call.remoteAddress(), agent == null ? "" : agent, AuditIdentity.of(t.principal),
                    t.note.requestParameters(), null, t.error == null ? null : t.error.code(),
                    t.error == null ? null : t.error.safeMessage(), t.requestId, RequestIds.next(), true,
                    t.principal == null ? null : t.principal.accountId(), t.denial));
        }
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("x-amzn-RequestId", t.requestId);
        return new HttpReply(reply.status(), reply.contentType(), headers, reply.body());
    }
}
