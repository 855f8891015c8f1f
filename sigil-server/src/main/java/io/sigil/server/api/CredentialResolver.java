package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.AccessKeySecret;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import io.sigil.server.sigv4.CredentialLookup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the secret and owner of an access key for SigV4. An unknown, deleted or Inactive key is not found, which
 * AWS answers with InvalidClientTokenId (IAM User Guide, "Manage access keys": an inactive key cannot be used).
 * Results are cached and the cache is dropped on every committed change.
 */
public final class CredentialResolver implements CredentialLookup<KeyCredential>, AutoCloseable {
    private final Store store;
    private final Map<String, Optional<KeyCredential>> cache = new ConcurrentHashMap<>();
    private final Subscription subscription;

    public CredentialResolver(Store store) {
        this.store = store;
        this.subscription = store.subscribe(e -> cache.clear());
    }

    @Override
    public Optional<KeyCredential> find(String accessKeyId, Optional<String> sessionToken) {
        if (sessionToken.isPresent()) {
            return Optional.empty(); // temporary credentials arrive with STS
        }
        return cache.computeIfAbsent(accessKeyId, this::load);
    }

    private Optional<KeyCredential> load(String accessKeyId) {
        return store.read(tx -> {
            Optional<AccessKeySecret> found = tx.accessKeys().findWithSecret(accessKeyId);
            if (found.isEmpty() || !found.get().key().isActive()) {
                return Optional.empty();
            }
            AccessKeySecret k = found.get();
            if (k.key().isRoot()) {
                return Optional.of(new KeyCredential(k.secretAccessKey(), Principal.root(k.key().accountId(), accessKeyId)));
            }
            Optional<User> user = tx.users().findById(k.key().userId());
            return user.map(u -> new KeyCredential(k.secretAccessKey(), Principal.user(u, accessKeyId)));
        });
    }

    @Override
    public void close() {
        subscription.close();
    }
}
