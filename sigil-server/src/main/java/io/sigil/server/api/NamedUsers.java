package io.sigil.server.api;

import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM users by account and name (names are unique case-insensitively), as authorisation needs them for the resource
 * an operation names (its ARN, tags and permissions boundary), cached like the caller's compiled policies: every
 * committed change the store reports drops the whole cache, which on PostgreSQL includes other nodes' changes within
 * the notification delay (DESIGN.md, "Storage"). A change made through this node is reported before its call
 * answers, so a later call never sees the user as it was before.
 *
 * <p>Why no stale entry survives a change: a miss reads inside {@link ConcurrentHashMap#computeIfAbsent}, which holds
 * the key's bin while it reads; the store publishes a change only after its commit, and {@code clear()} waits for
 * that bin. So a read that began before the commit is cleared after it, and a read that begins after it sees it.
 *
 * <p>Absent users are cached too (an unknown name still has an ARN to authorise); the cache is dropped when it holds
 * {@value #MAX} names, so that callers asking for many names cannot grow it without bound.
 */
public final class NamedUsers implements AutoCloseable {
    static final int MAX = 10_000;

    private final Store store;
    private final Map<String, Optional<User>> byName = new ConcurrentHashMap<>();
    private final Subscription subscription;

    public NamedUsers(Store store) {
        this.store = store;
        this.subscription = store.subscribe(e -> byName.clear());
    }

    /** The user of {@code accountId} named {@code name} in any case, if there is one. */
    public Optional<User> find(String accountId, String name) {
        if (byName.size() >= MAX) {
            byName.clear();
        }
        return byName.computeIfAbsent(accountId + ' ' + name.toLowerCase(Locale.ROOT),
                k -> store.read(tx -> tx.users().find(accountId, name)));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
