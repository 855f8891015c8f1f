package io.sigil.iam.service;

import io.sigil.iam.crypto.Pbkdf2Passwords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The check of a new password against a user's remembered hashes (PasswordReusePrevention, spec §5.1), done on
 * hashes only. Each history entry is a full PBKDF2 hash; a user's entries share one salt (the first entry's), so
 * a candidate costs one derivation however many entries it is checked against, instead of up to 24. Entries made
 * under another salt or count (a raised iteration count) are checked with one derivation per such group.
 */
final class PasswordHistory {

    private final Pbkdf2Passwords hasher;
    private final String candidate;
    private final Map<String, String> derived = new HashMap<>();

    PasswordHistory(Pbkdf2Passwords hasher, String candidate) {
        this.hasher = hasher;
        this.candidate = candidate;
    }

    /** Whether the candidate is one of {@code entries}; compares in constant time. */
    boolean isIn(List<String> entries) {
        boolean found = false;
        for (String entry : entries) {
            found |= Pbkdf2Passwords.sameHash(hashLike(entry), entry);
        }
        return found;
    }

    /** The history entry to remember for the candidate: under the newest entry's salt, or a fresh one. */
    String entry(List<String> newestFirst) {
        if (newestFirst.isEmpty() || hasher.needsRehash(newestFirst.get(0))) {
            return hasher.hash(candidate);
        }
        return hashLike(newestFirst.get(0));
    }

    private String hashLike(String entry) {
        Pbkdf2Passwords.Hash h = Pbkdf2Passwords.parse(entry);
        String key = h.iterations() + "$" + java.util.Base64.getEncoder().encodeToString(h.salt());
        return derived.computeIfAbsent(key, k -> hasher.hashLike(candidate, entry));
    }
}
