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

    /** The statements of one action, indexed by resource prefix when there are enough to be worth it. */
    public static final class Bucket {
        private final List<CompiledStatement> all;
        private final ResourceTrie trie;

        Bucket(String actionLower, List<CompiledStatement> statements) {
            List<CompiledStatement> hits = new ArrayList<>();
            for (CompiledStatement s : statements) {
                if (s.effect() != null && s.matchesAction(actionLower)) {
                    hits.add(s);
                }
            }
            this.all = List.copyOf(hits);
            if (hits.size() > TRIE_THRESHOLD) {
                trie = new ResourceTrie();
                for (CompiledStatement s : hits) {
                    trie.add(s.resourcePrefix(), s);
                }
            } else {
                trie = null;
            }
        }

        /** Every statement whose action matches, in policy order. */
        public List<CompiledStatement> all() {
            return all;
        }

        /** Visits the statements that may match this resource (a superset of those that do). */
        public void forEachCandidate(String resource, java.util.function.Consumer<CompiledStatement> visit) {
            if (trie == null) {
                for (CompiledStatement s : all) {
                    visit.accept(s);
                }
            } else {
                trie.forEachCandidate(resource, visit);
            }
        }
    }
}
