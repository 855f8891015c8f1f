package io.sigil.policy.internal;

import io.sigil.policy.Caller;
import io.sigil.policy.ContextValue;
import io.sigil.policy.RequestContext;
import io.sigil.policy.condition.DateOperators;

import java.time.Instant;

/**
 * The request's keys as policies see them: the keys given, and where absent, the keys AWS derives from the
 * principal (AWS global condition context keys: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType,
 * aws:userid, aws:username, aws:PrincipalIsAWSService, aws:PrincipalServiceName, aws:FederatedProvider) and the
 * clock pair aws:CurrentTime / aws:EpochTime from each other. Derived lazily: most requests read few keys.
 */
public final class EvalContext implements Variables {
    private final RequestContext request;

    public EvalContext(RequestContext request) {
        this.request = request;
    }

    public RequestContext request() {
        return request;
    }

    public Caller caller() {
        return request.caller();
    }

    /** The value of a key (lower-case name), or null when the request does not hold it. */
    public ContextValue value(String keyLower) {
        ContextValue v = request.keys().get(keyLower);
        if (v != null) {
            return v;
        }
        String d = derived(keyLower);
        return d == null ? null : ContextValue.of(d);
    }

    @Override
    public String single(String keyLower) {
        ContextValue v = value(keyLower);
        return v == null ? null : v.single();
    }

    private String derived(String key) {
        Caller c = request.caller();
        switch (key) {
            case "aws:principalarn":
                return c.hasIdentity() ? c.principalArn() : null;
            case "aws:principalaccount":
                return c.hasIdentity() ? c.account() : null;
            case "aws:principaltype":
                return c.principalType();
            case "aws:userid":
                return userId(c);
            case "aws:username":
                return c.kind() == Caller.Kind.USER ? c.name() : null;
            case "aws:principalisawsservice":
                return c.kind() == Caller.Kind.SERVICE ? "true" : "false";
            case "aws:principalservicename":
                return c.kind() == Caller.Kind.SERVICE ? c.arn() : null;
            case "aws:federatedprovider":
                return c.kind() == Caller.Kind.WEB_IDENTITY ? c.arn() : null;
            case "aws:epochtime":
                return epochFromCurrent();
            case "aws:currenttime":
                return currentFromEpoch();
            default:
                return null;
        }
    }

    /** aws:userid where it follows from the ARN alone (AWS: "Request information that you can use for policy variables"). */
    private static String userId(Caller c) {
        switch (c.kind()) {
            case ROOT: return c.account();
            case FEDERATED_USER: return c.account() + ":" + c.name();
            case ANONYMOUS: return "anonymous";
            default: return null;
        }
    }

    private String epochFromCurrent() {
        ContextValue cur = request.keys().get("aws:currenttime");
        Long ms = cur == null ? null : DateOperators.parseMillis(cur.single());
        return ms == null ? null : Long.toString(Math.floorDiv(ms, 1000L));
    }

    private String currentFromEpoch() {
        ContextValue ep = request.keys().get("aws:epochtime");
        Long ms = ep == null ? null : DateOperators.parseMillis(ep.single());
        return ms == null ? null : Instant.ofEpochMilli(ms).toString();
    }
}
