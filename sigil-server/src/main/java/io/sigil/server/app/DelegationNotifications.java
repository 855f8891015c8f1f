package io.sigil.server.app;

import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.DelegationState;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.DelegatedAccessService;
import io.sigil.server.http.HttpReply;
import io.sigil.server.protocol.FormParameters;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /_sigil/notifications?DelegationRequestId=ID} (dev mode): the notification SendDelegationToken would
 * publish to the partner's notification channel ("The exchange token is sent to the partner via an asynchronous
 * notification channel, established by the partner"; IAM API Reference, "SendDelegationToken"). Sigil has no SNS
 * to publish to, so a partner under test reads the message here instead: the channel, the request and workflow ids
 * and the exchange token to pass to STS GetDelegatedAccessToken. 404 until the token has been released.
 */
final class DelegationNotifications {
    private DelegationNotifications() {
    }

    static HttpReply render(Store store, String rawQuery) {
        Map<String, List<String>> q = FormParameters.parse(rawQuery == null ? "" : rawQuery);
        List<String> ids = q.get("DelegationRequestId");
        if (ids == null || ids.size() != 1) {
            return HttpReply.json(400, "{\"error\":\"DelegationRequestId is required\"}");
        }
        Optional<DelegationRequest> found = store.read(tx -> tx.delegationRequests().find(ids.get(0)))
                .filter(r -> r.state() == DelegationState.FINALIZED && r.tradeInSecret() != null);
        return found.map(r -> HttpReply.json(200, "{\"NotificationChannel\":" + json(r.notificationChannel())
                        + ",\"DelegationRequestId\":" + json(r.id())
                        + ",\"RequestorWorkflowId\":" + json(r.requestorWorkflowId())
                        + ",\"State\":\"FINALIZED\",\"ExchangeToken\":"
                        + json(DelegatedAccessService.tradeInToken(r)) + "}"))
                .orElseGet(() -> HttpReply.json(404, "{\"error\":\"not found\"}"));
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
