package io.sigil.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Statements filed under the literal prefix of their resource patterns, in a radix tree (chains of single-child
 * nodes merged into one edge). A lookup walks the request's resource once and visits only statements whose prefix
 * it starts with, so a policy with thousands of statements about other resources costs a walk of the resource
 * string, not a test per statement.
 */
final class ResourceTrie {
    /** Build-time node: one character per edge. */
    private static final class Node {
        final java.util.TreeMap<Character, Node> children = new java.util.TreeMap<>();
        List<CompiledStatement> here;
    }

    /** Lookup-time node: edges labelled with strings, found by their first character. */
    private static final class Radix {
        final char[] first;
        final String[] labels;
        final Radix[] children;
        final CompiledStatement[] here;

        Radix(char[] first, String[] labels, Radix[] children, CompiledStatement[] here) {
            this.first = first;
            this.labels = labels;
            this.children = children;
            this.here = here;
        }
    }

    private final Node root = new Node();
    private Radix radix;

    void add(String prefix, CompiledStatement s) {
        Node n = root;
        for (int i = 0; i < prefix.length(); i++) {
            n = n.children.computeIfAbsent(prefix.charAt(i), c -> new Node());
        }
        if (n.here == null) {
            n.here = new ArrayList<>(2);
        }
        n.here.add(s);
        radix = null;
    }

    /** Freezes the tree for lookups; call after the last {@link #add}. */
    ResourceTrie freeze() {
        radix = compress(root);
        return this;
    }

    private static Radix compress(Node n) {
        int k = n.children.size();
        char[] first = new char[k];
        String[] labels = new String[k];
        Radix[] kids = new Radix[k];
        int i = 0;
        for (var e : n.children.entrySet()) {
            StringBuilder label = new StringBuilder().append(e.getKey());
            Node c = e.getValue();
            while (c.here == null && c.children.size() == 1) {
                var only = c.children.firstEntry();
                label.append(only.getKey());
                c = only.getValue();
            }
            first[i] = e.getKey();
            labels[i] = label.toString();
            kids[i] = compress(c);
            i++;
        }
        CompiledStatement[] here = n.here == null ? null : n.here.toArray(new CompiledStatement[0]);
        return new Radix(first, labels, kids, here);
    }

    /** @return false when the visitor stopped the walk */
    boolean forEachCandidate(String resource, CandidateVisitor visit) {
        Radix n = radix;
        int pos = 0;
        while (n != null) {
            if (n.here != null) {
                for (CompiledStatement s : n.here) {
                    if (!visit.visit(s)) {
                        return false;
                    }
                }
            }
            if (pos >= resource.length()) {
                return true;
            }
            int i = Arrays.binarySearch(n.first, resource.charAt(pos));
            if (i < 0 || !resource.startsWith(n.labels[i], pos)) {
                return true;
            }
            pos += n.labels[i].length();
            n = n.children[i];
        }
        return true;
    }
}
