package io.sigil.server.authz;

import io.sigil.policy.ContextValue;
import io.sigil.server.sigv4.SignedRequest;

import java.util.Map;

/**
 * One question to /_sigil/authorize, checked: either the forwarded SigV4 request ({@code signed}) or an already
 * known {@code principalArn}; the action and resource; the resource's owner account (null: the resource ARN's, else
 * the principal's); the resource-based policy text (null for none); the caller-supplied condition keys; the end
 * user's address and transport, when the service knows them.
 */
record AuthorizeRequest(SignedRequest signed, String principalArn, String action, String resource,
                        String resourceAccount, String resourcePolicy, Map<String, ContextValue> context,
                        String sourceIp, Boolean secureTransport, String region) {
    AuthorizeRequest {
        context = Map.copyOf(context);
    }

    /** The service prefix of the action: {@code s3} for {@code s3:GetObject}. */
    String service() {
        return action.substring(0, action.indexOf(':'));
    }
}
