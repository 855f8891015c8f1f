package io.sigil.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Statements filed under the literal prefix of their resource patterns. A lookup walks the request's resource
 * once and visits only statements whose prefix it starts with, so a policy with thousands of statements about
 * other resources costs a walk of the resource string, not a test per statement.
 */
final class ResourceTrie {
    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        List<CompiledStatement> here;

        Node child(char c, boolean create) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return children[i];
            }
            if (!create) {
                return null;
            }
            int at = -i - 1;
            char[] nk = new char[keys.length + 1];
            Node[] nc = new Node[children.length + 1];
            System.arraycopy(keys, 0, nk, 0, at);
            System.arraycopy(children, 0, nc, 0, at);
            nk[at] = c;
            nc[at] = new Node();
            System.arraycopy(keys, at, nk, at + 1, keys.length - at);
            System.arraycopy(children, at, nc, at + 1, children.length - at);
            keys = nk;
            children = nc;
            return nc[at];
        }
    }

    private final Node root = new Node();

    void add(String prefix, CompiledStatement s) {
        Node n = root;
        for (int i = 0; i < prefix.length(); i++) {
            n = n.child(prefix.charAt(i), true);
        }
        if (n.here == null) {
            n.here = new ArrayList<>(2);
        }
        n.here.add(s);
    }

    void forEachCandidate(String resource, Consumer<CompiledStatement> visit) {
        Node n = root;
        int i = 0;
        while (n != null) {
            if (n.here != null) {
                for (CompiledStatement s : n.here) {
                    visit.accept(s);
                }
            }
            if (i >= resource.length()) {
                return;
            }
            n = n.child(resource.charAt(i++), false);
        }
    }
}
