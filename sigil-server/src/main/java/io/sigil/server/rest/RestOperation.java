package io.sigil.server.rest;

import io.sigil.server.api.CallContext;
import io.sigil.server.http.HttpCall;

/**
 * One REST-JSON operation behind {@link RestJsonDispatcher}: its name and the service it belongs to (for the audit
 * event and the accepted SigV4 signing name), the action the caller must be allowed, and the work itself. The
 * dispatcher has authenticated and authorised the caller before {@link #handle} runs.
 */
public interface RestOperation {
    /** The operation's name, e.g. {@code ValidatePolicy}; the audit event's {@code eventName}. */
    String name();

    /** The signing name the request must be signed for, e.g. {@code access-analyzer}. */
    String signingName();

    /** The action checked before the operation runs, e.g. {@code access-analyzer:ValidatePolicy}. */
    String action();

    /** Whether a successful call is recorded in the audit log as its own event. */
    default boolean auditSuccess() {
        return true;
    }

    /**
     * Runs the operation on an authenticated, authorised call.
     *
     * @param audit where the operation puts the request parameters it wants recorded
     * @return the JSON answer (HTTP 200)
     * @throws RestJsonException for every answer that is an error
     */
    String handle(HttpCall call, CallContext ctx, AuditNote audit);

    /** What the operation adds to its audit event. */
    final class AuditNote {
        private Object requestParameters;

        public void requestParameters(Object parameters) {
            this.requestParameters = parameters;
        }

        public Object requestParameters() {
            return requestParameters;
        }
    }
}
