package io.sigil.server.app;

import io.sigil.iam.model.Account;
import io.sigil.iam.store.PageRequest;
import io.sigil.server.http.Endpoint;
import io.sigil.server.http.HttpReply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /_sigil/*}: {@code GET health} (200 and a small JSON status), {@code GET metrics} (Prometheus text) and,
 * with {@code --dev} only, {@code POST reset}, which deletes every account and entity and re-runs the bootstrap so
 * that only the first account and its root key remain (test isolation in CI).
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
        if (app.config().dev()) {
            r.put("POST /_sigil/reset", call -> {
                Reset.run(app);
                return HttpReply.json(200, "{\"status\":\"reset\",\"account\":\"" + app.accountId() + "\"}");
            });
        }
        return r;
    }

    /** Lists every account id (for reset). */
    static List<String> accountIds(SigilApp app) {
        return app.store().read(tx -> tx.accounts().list(new PageRequest("/", null, PageRequest.MAX_MAX_ITEMS))
                .items().stream().map(Account::id).toList());
    }
}
