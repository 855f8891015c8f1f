package io.sigil.server.authz;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.AuthorizationMessages;
import io.sigil.iam.sts.CallerPolicyGate;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.StatementRef;
import io.sigil.policy.ValidationReport;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.KeyCredential;
import io.sigil.server.api.KeyUse;
import io.sigil.server.api.RequestIds;
import io.sigil.server.api.RequestKeys;
import io.sigil.server.audit.AuditEvent;
import io.sigil.server.audit.AuditIdentity;
import io.sigil.server.audit.AuditLog;
import io.sigil.server.http.HttpCall;
import io.sigil.server.rest.JsonTree;
import io.sigil.server.rest.RestJsonException;
import io.sigil.server.rest.RestOperation;
import io.sigil.server.sigv4.SigV4Verifier;
import io.sigil.server.sigv4.Verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /_sigil/authorize}. The caller is a service with its own Sigil credentials, signing for
 * {@value #SIGNING_NAME} in any region, and must be allowed {@value #ACTION} (on {@code *}). The answer is the
 * decision for the principal it names, never an error for a denial: a denial is {@code "decision": "Deny"} with the
 * AccessDenied text AWS would send and an encoded authorization message.
 */
public final class AuthorizeOperation implements RestOperation {
    public static final String SIGNING_NAME = "sigil";
    public static final String ACTION = "sigil:Authorize";
    public static final String PATH = "/_sigil/authorize";

    private final Store store;
    private final Authorizer authorizer;
    private final SigV4Verifier<KeyCredential> forwarded;
    private final AuthorizationMessages messages;
    private final AuditLog audit;
    private final DecisionListener listener;
    private final KeyUse keyUse;

    /**
     * @param forwarded verifies the forwarded requests: the server's credentials, any service, any region
     */
    public AuthorizeOperation(Store store, Authorizer authorizer, SigV4Verifier<KeyCredential> forwarded,
                              AuthorizationMessages messages, AuditLog audit, DecisionListener listener,
                              KeyUse keyUse) {
        this.store = store;
        this.authorizer = authorizer;
        this.forwarded = forwarded;
        this.messages = messages;
        this.audit = audit;
        this.listener = listener;
        this.keyUse = keyUse;
    }

    @Override
    public String name() {
        return "Authorize";
    }

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** Each decision is audited as the target service's event instead. */
    @Override
    public boolean auditSuccess() {
        return false;
    }

    /** The principal behind the question, with what its request tells. */
    private record Subject(Principal principal, String region, String userAgent) {}

    @Override
    public String handle(HttpCall call, CallContext caller, AuditNote note) {
        AuthorizeRequest q = AuthorizeRequests.read(call.body());
        Map<String, Object> parameters = new java.util.LinkedHashMap<>(); // a stable order in the audit log
        parameters.put("action", q.action());
        parameters.put("resource", q.resource());
        note.requestParameters(parameters);
        Instant now = caller.now();
        Subject who = subject(q, caller.principal(), now);
        CompiledPolicy resourcePolicy = resourcePolicy(q.resourcePolicy());
        CallContext ctx = new CallContext(caller.requestId(), who.principal(), now, q.sourceIp(), who.userAgent(),
                Boolean.TRUE.equals(q.secureTransport()), who.region(), CallerPolicyGate.ENFORCE);
        Map<String, ContextValue> keys = RequestKeys.of(ctx);
        keys.put("aws:RequestedRegion", ContextValue.of(who.region()));
        if (q.secureTransport() == null) {
            keys.remove("aws:SecureTransport");
        }
        keys.putAll(q.context());
        Principal p = who.principal();
        Decision d = resourcePolicy == null
                ? authorizer.authorize(p, q.action(), q.resource(), q.resourceAccount(), keys)
                : authorizer.authorize(p, q.action(), q.resource(), q.resourceAccount(), keys, resourcePolicy);
        String message = d.allowed() ? null : Authorizer.deniedMessage(p, q.action(), q.resource(),
                q.resourceAccount() != null ? q.resourceAccount() : accountOf(q.resource(), p), d);
        record(call, q, who, d, message, now);
        listener.onServiceAuthorizationDecision(p, q.service(), q.action(), q.resource(), who.region(), d, now);
        return JsonTree.write(answer(q, p, d, message, keys, caller.requestId()));
    }

    /**
     * Verifies the forwarded request (its failure is the answer, with AWS's code for it), or reads the ARN. A
     * principal named by ARN must be of the calling service's own account: a signature proves that a principal of
     * any account made the request, a bare ARN does not, and answering for other accounts' principals would let
     * one tenant's service map another's permissions.
     */
    private Subject subject(AuthorizeRequest q, Principal service, Instant now) {
        if (q.signed() == null) {
            String[] arn = q.principalArn().split(":", 6);
            if (arn.length != 6 || !arn[4].equals(service.accountId())) {
                throw AuthorizeRequests.invalid("principalArn", "must name a principal of the calling service's"
                        + " account (" + service.accountId() + "); forward the signed request for other accounts");
            }
            return new Subject(PrincipalByArn.resolve(store, q.principalArn(), now),
                    q.region() == null ? "us-east-1" : q.region(), null);
        }
        Verification<KeyCredential> v = forwarded.verify(q.signed(), now);
        if (v instanceof Verification.Rejected<KeyCredential> r) {
            throw new RestJsonException(r.error().code().code(), r.error().httpStatus(), r.error().message(),
                    Map.of("about", "request"));
        }
        Verification.Verified<KeyCredential> ok = (Verification.Verified<KeyCredential>) v;
        String region = q.region() != null ? q.region()
                : ok.region().equals("aws-global") ? "us-east-1" : ok.region();
        keyUse.used(ok.accessKeyId(), now, ok.service(), region);
        return new Subject(ok.credential().principal(), region, q.signed().headers().first("user-agent").orElse(null));
    }

    /** The resource's policy, which must be valid as IAM would require of a resource-based policy. */
    private static CompiledPolicy resourcePolicy(String text) {
        if (text == null) {
            return null;
        }
        ValidationReport report = PolicyValidator.validateInline(text, PolicyType.RESOURCE);
        if (report.hasErrors()) {
            throw AuthorizeRequests.invalid("resourcePolicy", "is not a valid resource-based policy: "
                    + report.firstErrorMessage());
        }
        return CompiledPolicy.compile(text, "resource-based policy", PolicyType.RESOURCE);
    }

    private Map<String, Object> answer(AuthorizeRequest q, Principal p, Decision d, String message,
                                       Map<String, ContextValue> keys, String requestId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", d.allowed() ? "Allow" : "Deny");
        out.put("outcome", d.outcome().name());
        out.put("decidedBy", d.decidedBy() == null ? null : d.decidedBy().phrase());
        out.put("reason", d.allowed() ? allowReason(d) : message);
        List<Object> statements = new ArrayList<>();
        for (StatementRef s : d.statements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policyType", s.type().phrase());
            m.put("policyName", s.policyName());
            m.put("statementIndex", s.statementIndex());
            m.put("sid", s.sid());
            m.put("effect", s.effect() == null ? null : s.effect().wire());
            statements.add(m);
        }
        out.put("matchedStatements", statements);
        Map<String, Object> principal = new LinkedHashMap<>(AuditIdentity.of(p));
        principal.remove("accessKeyId");
        out.put("principal", principal);
        if (!d.allowed()) {
            out.put("encodedMessage", messages.encode(p, q.action(), q.resource(), keys, d));
        }
        out.put("requestId", requestId);
        return out;
    }

    private static String allowReason(Decision d) {
        return d.decidedBy() == null ? "Allowed: the account root user acts in its own account"
                : "Allowed by " + (d.decidedBy() == PolicyType.IDENTITY ? "an " : "a ") + d.decidedBy().phrase();
    }

    /**
     * The decision as an event of the target service (CloudTrail record contents): eventSource
     * {@code SERVICE.amazonaws.com}, eventName the action's name, AccessDenied with its message for a denial.
     */
    private void record(HttpCall call, AuthorizeRequest q, Subject who, Decision d, String message, Instant now) {
        String name = q.action().substring(q.action().indexOf(':') + 1);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("resource", q.resource());
        if (q.resourceAccount() != null) {
            params.put("resourceAccount", q.resourceAccount());
        }
        String account = q.resourceAccount() != null ? q.resourceAccount() : accountOf(q.resource(), who.principal());
        audit.record(new AuditEvent(now, q.service() + ".amazonaws.com", name, who.region(),
                q.sourceIp() != null ? q.sourceIp() : call.remoteAddress(),
                who.userAgent() == null ? "" : who.userAgent(), AuditIdentity.of(who.principal()), params, null,
                d.allowed() ? null : "AccessDenied", message, RequestIds.next(),
                RequestIds.next(), name.matches("(Get|List|Describe|Head).*"), account, null));
    }

    private static String accountOf(String resource, Principal p) {
        String[] parts = resource.split(":", 6);
        return parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : p.accountId();
    }
}
