package dev.adxfed.emulator.catalog;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable map of names, sorted, where a changed copy shares all but one path with the original: a
 * persistent treap. A database of 20,000 functions then takes a new function in O(log n), where copying a
 * TreeMap took O(n) and made a script of n commands O(n²). Node priorities come from the key's hash, so the
 * shape depends only on the keys.
 */
final class NameMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {

    private record Node<V>(String key, V value, int priority, Node<V> left, Node<V> right, int size) {
        static <V> Node<V> of(String key, V value, int priority, Node<V> left, Node<V> right) {
            return new Node<>(key, value, priority, left, right, 1 + sizeOf(left) + sizeOf(right));
        }
    }

    private static final NameMap<?> EMPTY = new NameMap<>(null);

    private final Node<V> root;

    private NameMap(Node<V> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static <V> NameMap<V> of(Map<String, V> map) {
        if (map instanceof NameMap<V> names) {
            return names;
        }
        NameMap<V> result = (NameMap<V>) EMPTY;
        for (Map.Entry<String, V> e : map.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    NameMap<V> with(String key, V value) {
        return new NameMap<>(insert(root, key, value, priority(key)));
    }

    NameMap<V> without(String key) {
        return containsKey(key) ? new NameMap<>(delete(root, key)) : this;
    }

    private static int priority(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int sizeOf(Node<?> node) {
        return node == null ? 0 : node.size();
    }

    private static <V> Node<V> insert(Node<V> node, String key, V value, int priority) {
        if (node == null) {
            return Node.of(key, value, priority, null, null);
        }
        int c = key.compareTo(node.key());
        if (c == 0) {
            return Node.of(key, value, node.priority(), node.left(), node.right());
        }
        if (c < 0) {
            Node<V> left = insert(node.left(), key, value, priority);
            Node<V> updated = Node.of(node.key(), node.value(), node.priority(), left, node.right());
            return left.priority() > node.priority() ? rotateRight(updated) : updated;
        }
        Node<V> right = insert(node.right(), key, value, priority);
        Node<V> updated = Node.of(node.key(), node.value(), node.priority(), node.left(), right);
        return right.priority() > node.priority() ? rotateLeft(updated) : updated;
    }

    private static <V> Node<V> rotateRight(Node<V> node) {
        Node<V> left = node.left();
        return Node.of(left.key(), left.value(), left.priority(), left.left(),
                Node.of(node.key(), node.value(), node.priority(), left.right(), node.right()));
    }

    private static <V> Node<V> rotateLeft(Node<V> node) {
        Node<V> right = node.right();
        return Node.of(right.key(), right.value(), right.priority(),
                Node.of(node.key(), node.value(), node.priority(), node.left(), right.left()), right.right());
    }

    private static <V> Node<V> delete(Node<V> node, String key) {
        int c = key.compareTo(node.key());
        if (c < 0) {
            return Node.of(node.key(), node.value(), node.priority(), delete(node.left(), key), node.right());
        }
        if (c > 0) {
            return Node.of(node.key(), node.value(), node.priority(), node.left(), delete(node.right(), key));
        }
        return merge(node.left(), node.right());
    }

    /** Joins two treaps whose keys are all less on the left. */
    private static <V> Node<V> merge(Node<V> left, Node<V> right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.priority() > right.priority()) {
            return Node.of(left.key(), left.value(), left.priority(), left.left(), merge(left.right(), right));
        }
        return Node.of(right.key(), right.value(), right.priority(), merge(left, right.left()), right.right());
    }

    private Node<V> find(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Node<V> node = root;
        while (node != null) {
            int c = name.compareTo(node.key());
            if (c == 0) {
                return node;
            }
            node = c < 0 ? node.left() : node.right();
        }
        return null;
    }

    @Override
    public V get(Object key) {
        Node<V> node = find(key);
        return node == null ? null : node.value();
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) != null;
    }

    @Override
    public int size() {
        return sizeOf(root);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                Deque<Node<V>> path = new ArrayDeque<>();
                for (Node<V> n = root; n != null; n = n.left()) {
                    path.push(n);
                }
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return !path.isEmpty();
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (path.isEmpty()) {
                            throw new NoSuchElementException();
                        }
                        Node<V> next = path.pop();
                        for (Node<V> n = next.right(); n != null; n = n.left()) {
                            path.push(n);
                        }
                        return new SimpleImmutableEntry<>(next.key(), next.value());
                    }
                };
            }

            @Override
            public int size() {
                return NameMap.this.size();
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public String firstKey() {
        if (root == null) {
            throw new NoSuchElementException();
        }
        Node<V> n = root;
        while (n.left() != null) {
            n = n.left();
        }
        return n.key();
    }

    @Override
    public String lastKey() {
        if (root == null) {
            throw new NoSuchElementException();
        }
        Node<V> n = root;
        while (n.right() != null) {
            n = n.right();
        }
        return n.key();
    }

    /** Ranges are not what the catalog asks for: they are served from a sorted copy. */
    @Override
    public SortedMap<String, V> subMap(String fromKey, String toKey) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<String, V> headMap(String toKey) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
    }

    @Override
    public SortedMap<String, V> tailMap(String fromKey) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
    }
}
