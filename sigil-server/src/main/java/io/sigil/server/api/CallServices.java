package io.sigil.server.api;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.service.AccessTracking;
import io.sigil.server.audit.AuditLog;
import io.sigil.server.metrics.Metrics;
import java.time.Clock;
import java.util.Objects;

/**
 * What a signed call goes through besides its protocol, whichever protocol carries it (the Query API's
 * {@link ApiDispatcher}, the REST-JSON operations' dispatcher): authorisation under the enforce mode, the audit
 * trail, metrics, the access key's last use and last accessed data. The composition root builds it once.
 *
 * @param tracking where each call's attempt is recorded for last accessed data; null records nothing
 */
public record CallServices(Authorizer authorizer, EnforceMode mode, AuditLog audit, Metrics metrics, KeyUse keyUse,
                           Clock clock, AccessTracking tracking) {
    public CallServices {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(keyUse, "keyUse");
        Objects.requireNonNull(clock, "clock");
    }
}
