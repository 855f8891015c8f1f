package io.sigil.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All statements of one policy type (say, every identity policy of a user and its groups) behind one index:
 * per action, the statements whose Action/NotAction matches (computed once per distinct action and cached), and
 * within those, a trie on the resource patterns' literal prefixes. Evaluation cost grows with the statements that
 * can match the request, not with the policy's size.
 */
public final class PolicyGroup {
    private static final int CACHE_LIMIT = 8192;
    private static final int TRIE_THRESHOLD = 8;

    private final List<CompiledStatement> statements;
    private final ConcurrentHashMap<String, Bucket> byAction = new ConcurrentHashMap<>();

    public PolicyGroup(List<CompiledStatement> statements) {
        this.statements = List.copyOf(statements);
    }

    public List<CompiledStatement> statements() {
        return statements;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Statements whose action element matches; {@code action} in any case. */
    public Bucket bucket(String action) {
        String key = action.toLowerCase(Locale.ROOT);
        Bucket b = byAction.get(key);
        if (b == null) {
            b = new Bucket(key, statements);
            if (byAction.size() < CACHE_LIMIT) {
                byAction.putIfAbsent(key, b);
            }
        }
        return b;
    }

    /**
     * The statements of one action: Deny statements and Allow statements apart, so that evaluation can settle the
     * denies first and stop at the first applicable Allow; each set indexed by resource prefix when large enough.
     */
    public static final class Bucket {
        private final List<CompiledStatement> all;
        private final Candidates denies;
        private final Candidates allows;

        Bucket(String actionLower, List<CompiledStatement> statements) {
            List<CompiledStatement> hits = new ArrayList<>();
            List<CompiledStatement> deny = new ArrayList<>();
            List<CompiledStatement> allow = new ArrayList<>();
            for (CompiledStatement s : statements) {
                if (s.effect() != null && s.matchesAction(actionLower)) {
                    hits.add(s);
                    (s.effect() == io.sigil.policy.Effect.DENY ? deny : allow).add(s);
                }
            }
            this.all = List.copyOf(hits);
            this.denies = new Candidates(deny);
            this.allows = new Candidates(allow);
        }

        /** Every statement whose action matches, in policy order. */
        public List<CompiledStatement> all() {
            return all;
        }

        /**
         * Visits the Deny, then the Allow statements that may match this resource (a superset of those that do).
         * A statement with several resource patterns may be visited once per pattern whose prefix the resource
         * starts with. Stops when the visitor returns false.
         */
        public void forEachCandidate(String resource, CandidateVisitor visit) {
            if (denies.forEach(resource, visit)) {
                allows.forEach(resource, visit);
            }
        }
    }

    /** One effect's statements of a bucket: a list when short, a resource-prefix trie when long. */
    private static final class Candidates {
        private final CompiledStatement[] list;
        private final ResourceTrie trie;

        Candidates(List<CompiledStatement> statements) {
            this.list = statements.toArray(new CompiledStatement[0]);
            if (list.length > TRIE_THRESHOLD) {
                ResourceTrie t = new ResourceTrie();
                for (CompiledStatement s : list) {
                    for (String prefix : s.resourcePrefixes()) {
                        t.add(prefix, s);
                    }
                }
                trie = t.freeze();
            } else {
                trie = null;
            }
        }

        boolean forEach(String resource, CandidateVisitor visit) {
            if (trie != null) {
                return trie.forEachCandidate(resource, visit);
            }
            for (CompiledStatement s : list) {
                if (!visit.visit(s)) {
                    return false;
                }
            }
            return true;
        }
    }
}
