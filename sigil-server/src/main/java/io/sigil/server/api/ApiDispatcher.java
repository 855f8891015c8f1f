package io.sigil.server.api;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.User;
import io.sigil.iam.error.IamException;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.TemporaryCredentialRules;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.Outcome;
import io.sigil.server.audit.AuditEvent;
import io.sigil.server.audit.AuditIdentity;
import io.sigil.server.audit.FederatedIdentity;
import io.sigil.server.audit.Redaction;
import io.sigil.server.http.ApiEndpoint;
import io.sigil.server.http.HttpCall;
import io.sigil.server.http.HttpReply;
import io.sigil.server.protocol.AwsError;
import io.sigil.server.protocol.AwsService;
import io.sigil.server.protocol.DecodedRequest;
import io.sigil.server.protocol.Fault;
import io.sigil.server.protocol.FormParameters;
import io.sigil.server.protocol.ProtocolException;
import io.sigil.server.protocol.QueryProtocol;
import io.sigil.server.sigv4.SigV4Verifier;
import io.sigil.server.sigv4.Verification;
import software.amazon.awssdk.awscore.AwsResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The AWS API endpoint (DESIGN.md, "How a request flows"): Query parameters → SigV4 → decode and validate →
 * authorise through the engine against the enforcement table → the operation's handler → XML, with one audit
 * event and metrics per call. Every failure is an AWS-shaped error; nothing internal reaches the client.
 */
public final class ApiDispatcher implements ApiEndpoint {
    /** IAM's text for an internal failure (IAM API Reference, ServiceFailure). */
    static final String SERVICE_FAILURE = "Request processing has failed due to some unknown error, exception or failure.";

    /**
     * STS operations that need no AWS credentials (AWS STS API Reference: AssumeRoleWithSAML and
     * AssumeRoleWithWebIdentity, "Calling ... does not require the use of AWS security credentials"). A signed call
     * of them is verified as any other.
     */
    private static final java.util.Set<String> UNSIGNED_STS = java.util.Set.of("AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity");

    private final QueryProtocol protocol;
    private final SigV4Verifier<KeyCredential> verifier;
    private final CallServices services;
    private final Store store;
    private final NamedUsers namedUsers;
    private final EnforcementTable table;
    private final Handlers handlers;
    private final EnforcementGate gate;

    /**
     * @param namedUsers the cached users that authorisation resolves named users with, sparing a read transaction
     *                   where the operation's rule needs nothing else from the store
     */
    public ApiDispatcher(QueryProtocol protocol, SigV4Verifier<KeyCredential> verifier, CallServices services,
                         Store store, EnforcementTable table, Handlers handlers, NamedUsers namedUsers) {
        this.protocol = protocol;
        this.verifier = verifier;
        this.services = Objects.requireNonNull(services, "services");
        this.store = store;
        this.namedUsers = Objects.requireNonNull(namedUsers, "namedUsers");
        this.table = table;
        this.handlers = handlers;
        this.gate = new EnforcementGate(services.mode(), services.metrics());
    }

    /** What one call became, for the audit event and metrics. */
    private static final class Trace {
        final String requestId = RequestIds.next();
        final long started = System.nanoTime();
        AwsService service = AwsService.IAM;
        String operation = "Unknown";
        Principal principal;
        String region = "us-east-1";
        Object requestParameters;
        Object responseElements;
        AwsError error;
        String denial;
        /** The federated user of an unsigned AssumeRoleWith* call that succeeded, else null. */
        FederatedIdentity federated;
    }

    @Override
    public HttpReply handle(HttpCall call) {
        Trace t = new Trace();
        Instant now = services.clock().instant();
        try {
            byte[] xml = run(call, t, now);
            return finish(call, t, now, 200, xml);
        } catch (ProtocolException e) {
            t.error = e.error();
        } catch (IamException e) {
            t.error = new AwsError(e.code(), e.httpStatus(), e.senderFault() ? Fault.SENDER : Fault.RECEIVER,
                    e.safeMessage());
        } catch (RuntimeException e) {
            // Looked up only here: java.util.logging starts up at the first Logger.getLogger, ~20 ms of a cold start
            // when a static field did it (sigil-bench's ColdStart).
            Logger.getLogger(ApiDispatcher.class.getName())
                    .log(java.util.logging.Level.WARNING, "request " + t.requestId + " failed", e);
            t.error = new AwsError("ServiceFailure", 500, Fault.RECEIVER, SERVICE_FAILURE);
        }
        return finish(call, t, now, t.error.httpStatus(), protocol.encodeError(t.service, t.error, t.requestId));
    }

    @Override
    public HttpReply refuse(HttpCall partial, int status, String code, String message) {
        Trace t = new Trace();
        t.error = new AwsError(code, status, Fault.ofStatus(status), message);
        Instant now = services.clock().instant();
        return finish(partial, t, now, status, protocol.encodeError(t.service, t.error, t.requestId));
    }

    private byte[] run(HttpCall call, Trace t, Instant now) {
        Map<String, List<String>> params = new LinkedHashMap<>(FormParameters.parse(call.rawQuery()));
        if (isForm(call)) {
            FormParameters.parse(new String(call.body(), StandardCharsets.UTF_8))
                    .forEach((k, v) -> params.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
        }
        List<String> action = params.get("Action");
        if (action != null && action.size() == 1) {
            t.operation = action.get(0);
        }
        String signingRegion;
        if (UNSIGNED_STS.contains(t.operation) && !hasSignature(call, params)) {
            // "Calling AssumeRoleWithSAML [AssumeRoleWithWebIdentity] does not require the use of AWS security
            // credentials" (AWS STS API Reference): no SigV4, no principal; the operation's service authenticates the request itself.
            t.service = AwsService.STS;
            signingRegion = "us-east-1";
        } else {
            // A call that fails verification is answered in the namespace of the service it was signed for, as
            // STS answers its own InvalidClientTokenId and SignatureDoesNotMatch (xmlns
            // "https://sts.amazonaws.com/doc/2011-06-15/", quoted in jrl84/amazon-sp-api#218).
            Verification.Verified<KeyCredential> ok = SignedCalls.verify(verifier, call, now, e -> {
                t.service = claimedService(call, params).orElse(t.service);
                return new ProtocolException(new AwsError(e.code().code(), e.httpStatus(), Fault.SENDER,
                        e.message()));
            });
            t.service = AwsService.forId(ok.service()).orElse(AwsService.IAM);
            t.principal = ok.credential().principal();
            t.region = ok.region().equals("aws-global") ? "us-east-1" : ok.region();
            signingRegion = ok.region();
            services.keyUse().used(ok.accessKeyId(), now, t.service.id(), t.region);
        }

        DecodedRequest in = protocol.decode(t.service, params);
        t.operation = in.operation().name();
        t.requestParameters = Redaction.of(in.request());
        java.util.Optional<IamException> refused = t.principal == null ? java.util.Optional.empty()
                : TemporaryCredentialRules.refusal(t.principal, t.service.id(), t.operation);
        if (refused.isPresent()) {
            throw refused.get();
        }
        if (!handlers.has(in.request().getClass()) || !table.covers(t.operation)) {
            throw new ProtocolException(new AwsError("InvalidAction", 400, Fault.SENDER,
                    "Sigil does not implement " + t.operation + " yet."));
        }
        CallContext ctx = new CallContext(t.requestId, t.principal, now, call.remoteAddress(),
                call.header("user-agent"), call.secure(), signingRegion,
                gate.callerPolicies(t.operation, denial -> t.denial = denial));
        if (services.tracking() != null && t.principal != null) {
            // Last accessed data counts every attempt, allowed or denied (IAM User Guide, "Refine permissions in
            // AWS using last accessed information"); recording only merges into memory.
            services.tracking().record(t.principal, in.operation().iamAction(), t.region, now);
        }
        ctx = ctx.withNamedUser(authorize(in, ctx, t));
        AwsResponse out = handlers.invoke(in.request(), ctx).orElseThrow();
        if (t.principal == null) {
            t.federated = FederatedIdentity.of(out).orElse(null);
        }
        // CloudTrail records responseElements only for actions that change state; for Get/List calls it is null
        // (CloudTrail User Guide, "CloudTrail record contents": responseElements). That also keeps large list
        // answers out of the audit path.
        t.responseElements = isReadOnly(t.operation) ? null : Redaction.of(out);
        return protocol.encodeResponse(in.operation(), out, t.requestId);
    }

    /** Authorises the call; returns the user the request names if authorisation read it (else null). */
    private User authorize(DecodedRequest in, CallContext ctx, Trace t) {
        if (!gate.checks() || ctx.principal() == null) {
            return null; // an unsigned operation has no caller to authorise; its service decides
        }
        Principal p = ctx.principal();
        EnforcementTable.Target target = table.resolveWithoutStore(t.operation, in.request(), p, namedUsers)
                .orElseGet(() -> store.read(tx -> table.resolve(t.operation, in.request(), p, tx)));
        if (target.resource() == null) {
            return target.namedUser();
        }
        Map<String, ContextValue> keys = RequestKeys.of(ctx);
        keys.putAll(target.keys());
        String action = in.operation().iamAction();
        check(p, action, target.resource(), keys, t, target.accountGrant());
        for (EnforcementTable.Also also : target.also()) {
            Map<String, ContextValue> alsoKeys = keys;
            if (also.keys() != null) {
                alsoKeys = RequestKeys.of(ctx);
                alsoKeys.putAll(also.keys());
            }
            check(p, also.action() == null ? action : also.action(), also.resource(), alsoKeys, t, false);
        }
        return target.namedUser();
    }

    /**
     * One action on one resource: allowed, or AccessDenied (in audit mode the would-be denial is recorded and the
     * call goes on). An account-level grant (AllowUsersToChangePassword) overrides an implicit deny only.
     */
    private void check(Principal p, String action, String resource, Map<String, ContextValue> keys, Trace t,
                       boolean accountGrant) {
        Decision d = services.authorizer().authorize(p, action, resource, p.accountId(), keys);
        if (d.allowed() || (accountGrant && d.outcome() == Outcome.IMPLICIT_DENY)) {
            return;
        }
        String message = Authorizer.deniedMessage(p, action, EnforcementTable.describe(resource, t.operation, action),
                d);
        t.denial = gate.deny(t.operation, d, message, IamException::accessDenied);
    }

    /**
     * The service of the credential scope the request claims ({@code Credential=KEY/DATE/REGION/SERVICE/aws4_request}
     * in the Authorization header, or X-Amz-Credential), before anything is verified; empty when it names none.
     */
    static java.util.Optional<AwsService> claimedService(HttpCall call, Map<String, List<String>> params) {
        String scope = null;
        String auth = call.header("authorization");
        int at = auth == null ? -1 : auth.indexOf("Credential=");
        if (at >= 0) {
            int end = auth.indexOf(',', at);
            scope = auth.substring(at + "Credential=".length(), end < 0 ? auth.length() : end);
        } else if (params.get("X-Amz-Credential") != null && params.get("X-Amz-Credential").size() == 1) {
            scope = params.get("X-Amz-Credential").get(0);
        }
        String[] parts = scope == null ? new String[0] : scope.trim().split("/", -1);
        return parts.length == 5 ? AwsService.forId(parts[3]) : java.util.Optional.empty();
    }

    /** Whether the request carries a SigV4 signature at all, in the Authorization header or presigned. */
    private static boolean hasSignature(HttpCall call, Map<String, List<String>> params) {
        return call.header("authorization") != null || params.containsKey("X-Amz-Signature")
                || params.containsKey("X-Amz-Algorithm");
    }

    private static boolean isForm(HttpCall call) {
        String ct = call.header("content-type");
        return "POST".equals(call.method()) && (ct == null
                || ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
    }

    private HttpReply finish(HttpCall call, Trace t, Instant now, int status, byte[] body) {
        String outcome = t.error == null ? "success" : t.error.code();
        services.metrics().request(t.operation, outcome, System.nanoTime() - t.started);
        services.audit().record(new AuditEvent(now, t.service.id() + ".amazonaws.com", t.operation, t.region,
                call.remoteAddress(), call.header("user-agent") == null ? "" : call.header("user-agent"),
                t.federated != null ? t.federated.identity() : AuditIdentity.of(t.principal), t.requestParameters,
                t.error == null ? t.responseElements : null,
                t.error == null ? null : t.error.code(), t.error == null ? null : t.error.message(), t.requestId,
                RequestIds.next(), isReadOnly(t.operation),
                t.principal != null ? t.principal.accountId() : t.federated != null ? t.federated.accountId() : null,
                t.denial));
        return new HttpReply(status, "text/xml", Map.of("x-amzn-RequestId", t.requestId), body);
    }

    private static boolean isReadOnly(String op) {
        return op.startsWith("Get") || op.startsWith("List") || op.startsWith("Simulate");
    }

    /**
     * CloudTrail's userIdentity of an AssumeRoleWithSAML call (CloudTrail User Guide, "CloudTrail userIdentity
     * element" › SAMLUser): {@code principalId} NAMEQUALIFIER:SUBJECT, {@code userName} the subject,
     * {@code identityProvider} the name qualifier; recorded in the role's account.
     */

}
