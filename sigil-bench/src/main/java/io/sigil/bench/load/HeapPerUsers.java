package io.sigil.bench.load;

import io.sigil.iam.Ids;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.policy.ContextValue;
import io.sigil.server.api.EnforceMode;
import io.sigil.server.app.SigilApp;
import io.sigil.server.app.SigilConfig;
import io.sigil.server.http.HttpLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Heap per 10,000 users: the server's heap after a full GC, before and after 10,000 users (each with an inline
 * policy) are created and each is authorised once (so the compiled-policy cache holds all of them). Entities live
 * in the database; what grows is the per-user cache. Usage: {@code java -cp sigil-bench/target/benchmarks.jar
 * io.sigil.bench.load.HeapPerUsers [users]}
 */
public final class HeapPerUsers {
    private HeapPerUsers() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SigilConfig config = new SigilConfig("127.0.0.1", 0, null, null, EnforceMode.ON, true, false,
                HttpLimits.defaults(), Map.of());
        try (SigilApp app = SigilApp.start(config)) {
            long before = usedAfterGc();
            Instant now = Instant.now();
            // IAM allows 5,000 users per account (UsersPerAccount), so the users are spread over accounts.
            List<String> accounts = new ArrayList<>();
            for (int a = 0; a * 5000 < n; a++) {
                accounts.add(a == 0 ? app.accountId()
                        : io.sigil.server.app.Bootstrap.createAccount(app.store(), null, now).accountId());
            }
            List<User> users = new ArrayList<>(n);
            for (int start = 0; start < n; start += 500) {
                int from = start;
                String account = accounts.get(start / 5000);
                app.store().write(tx -> {
                    for (int i = from; i < Math.min(n, from + 500); i++) {
                        User u = tx.users().create(User.create(account, "user-" + i, "/bench/", Ids.userId(), now, null,
                                List.of()));
                        tx.inlinePolicies().put(new InlinePolicy(account, PolicyOwnerKind.USER, u.name(), "self",
                                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                                        + "\"Resource\":\"arn:aws:iam::*:user/bench/${aws:username}\"}}"));
                        users.add(u);
                    }
                });
            }
            long created = usedAfterGc();
            for (User u : users) {
                app.authorizer().authorize(Principal.user(u, "AKIAHEAP"), "iam:GetUser", u.arn(), u.accountId(),
                        Map.of("aws:username", ContextValue.of(u.name())));
            }
            long cached = usedAfterGc();
            System.out.printf("heap before: %.1f MB; after creating %d users: %+.1f MB; after authorising each once "
                    + "(policy cache full): %+.1f MB = %.0f bytes per user%n", before / 1e6, n, (created - before) / 1e6,
                    (cached - before) / 1e6, (cached - created) / (double) n);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
