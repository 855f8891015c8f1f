package io.sigil.server.api;

import io.sigil.iam.Ids;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.iam.sts.SessionTokens;
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
 *
 * <p>A temporary ({@code ASIA…}) key resolves from its session token alone ({@link SessionTokens}): a token that
 * does not open, or belongs to another key id, is not found; an expired one resolves with its expiry, for the
 * verifier to answer ExpiredToken once the signature is checked. The IAM user behind a GetSessionToken or
 * GetFederationToken session is read afresh: a deleted user's sessions stop working. A session token sent with a
 * long-term key is not found either. Results are cached and the cache is dropped on every committed change.
 */
public final class CredentialResolver implements CredentialLookup<KeyCredential>, AutoCloseable {
    private final Store store;
    private final SessionTokens tokens;
    private final Map<String, Optional<KeyCredential>> cache = new ConcurrentHashMap<>();
    /** Temporary credentials by key id and token; bounded. */
    private final Map<String, Optional<KeyCredential>> sessions = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_SESSIONS = 10_000;
    private final Subscription subscription;

    public CredentialResolver(Store store, SessionTokens tokens) {
        this.store = store;
        this.tokens = tokens;
        this.subscription = store.subscribe(e -> {
            cache.clear();
            sessions.clear();
        });
    }

    @Override
    public Optional<KeyCredential> find(String accessKeyId, Optional<String> sessionToken) {
        boolean temporary = accessKeyId.startsWith(Ids.TEMPORARY_ACCESS_KEY);
        if (sessionToken.isPresent() != temporary) {
            return Optional.empty();
        }
        if (temporary) {
            if (sessions.size() >= MAX_CACHED_SESSIONS) {
                sessions.clear();
            }
            String token = sessionToken.get();
            return sessions.computeIfAbsent(accessKeyId + " " + token, k -> loadSession(accessKeyId, token));
        }
        return cache.computeIfAbsent(accessKeyId, this::load);
    }

    private Optional<KeyCredential> loadSession(String accessKeyId, String token) {
        Optional<Session> opened = tokens.open(accessKeyId, token);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Session s = opened.get();
        User user = null;
        if (s.kind() != SessionKind.ASSUMED_ROLE && !s.sourceIsRoot()) {
            user = store.read(tx -> tx.users().findById(s.sourceId())).orElse(null);
            if (user == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new KeyCredential(tokens.secretFor(accessKeyId, token), Principal.session(s, user),
                s.expiresAt()));
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
