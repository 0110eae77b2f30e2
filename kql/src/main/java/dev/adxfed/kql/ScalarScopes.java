package dev.adxfed.kql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The names bound to scalars (scalar lets, scalar parameters, query parameters), innermost scope first:
 * the parser needs them to tell {@code let x = y} (a scalar) from {@code let x = T} (a table).
 */
final class ScalarScopes {

    private final Deque<Set<String>> scopes = new ArrayDeque<>();

    ScalarScopes() {
        scopes.push(new HashSet<>());
    }

    void push(Set<String> names) {
        scopes.push(names);
    }

    void pop() {
        scopes.pop();
    }

    void add(String name) {
        scopes.peek().add(name);
    }

    void forget(String name) {
        scopes.peek().remove(name);
    }

    boolean isScalar(String name) {
        for (Set<String> scope : scopes) {
            if (scope.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
