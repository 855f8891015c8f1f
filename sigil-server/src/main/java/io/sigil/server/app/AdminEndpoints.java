package io.sigil.server.app;

import io.sigil.iam.model.Account;
import io.sigil.iam.sts.OutboundFederationService;
import io.sigil.iam.store.PageRequest;
import io.sigil.server.http.Endpoint;
import io.sigil.server.http.HttpReply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /_sigil/*}: {@code GET health} (200 and a small JSON status), {@code GET metrics} (Prometheus text), the
 * outbound issuers' {@code GET outbound/ID/.well-known/...} documents and, with {@code --dev} only,
 * {@code POST reset}, which deletes every account and entity and re-runs the bootstrap so that only the first
 * account and its root key remain (test isolation in CI), and {@code GET notifications}, the delegation
 * notifications Sigil would publish to partners' SNS topics.
 */
final class AdminEndpoints {
    private AdminEndpoints() {}

    static Map<String, Endpoint> routes(SigilApp app) {
        Map<String, Endpoint> r = new LinkedHashMap<>();
        r.put("GET /_sigil/health", call -> HttpReply.json(200, "{\"status\":\"ok\",\"account\":\""
                + app.accountId() + "\",\"store\":\"" + app.store().dialect() + "\",\"enforce\":\""
                + app.config().enforce().name().toLowerCase(java.util.Locale.ROOT) + "\"}"));
        r.put("GET /_sigil/metrics", call -> HttpReply.text(200, "text/plain; version=0.0.4; charset=utf-8",
                app.metrics().render()));
        r.put("GET " + OutboundFederationService.ISSUER_PATH + "*", call -> issuer(app, call.rawPath()));
        if (app.config().dev()) {
            r.put("GET /_sigil/notifications", call -> DelegationNotifications.render(app.store(), call.rawQuery()));
            r.put("POST /_sigil/reset", call -> {
                Reset.run(app);
                return HttpReply.json(200, "{\"status\":\"reset\",\"account\":\"" + app.accountId() + "\"}");
            });
        }
        return r;
    }

    /**
     * An outbound issuer's OpenID discovery document ({@code ISSUER/.well-known/openid-configuration}) or JWKS
     * ({@code ISSUER/.well-known/jwks.json}), public as AWS's are, so relying parties can verify the tokens that
     * GetWebIdentityToken issues.
     */
    private static HttpReply issuer(SigilApp app, String rawPath) {
        String rest = rawPath.substring(OutboundFederationService.ISSUER_PATH.length());
        int slash = rest.indexOf('/');
        String issuerId = slash < 0 ? rest : rest.substring(0, slash);
        String doc = slash < 0 ? "" : rest.substring(slash);
        java.util.Optional<String> body = switch (doc) {
            case "/.well-known/openid-configuration" -> app.outboundFederation().discoveryDocument(issuerId);
            case "/.well-known/jwks.json" -> app.outboundFederation().jwks(issuerId);
            default -> java.util.Optional.empty();
        };
        return body.map(b -> HttpReply.json(200, b)).orElseGet(() -> HttpReply.json(404, "{\"error\":\"not found\"}"));
    }

    /** Lists every account id (for reset). */
    static List<String> accountIds(SigilApp app) {
        return app.store().read(tx -> tx.accounts().list(new PageRequest("/", null, PageRequest.MAX_MAX_ITEMS))
                .items().stream().map(Account::id).toList());
    }
}
