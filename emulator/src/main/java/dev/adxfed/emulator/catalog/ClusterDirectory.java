package dev.adxfed.emulator.catalog;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual clusters of this process, by endpoint and by name, so that {@code cluster('...')}
 * in a query reaches another virtual cluster. Endpoints match with the host in any case and with
 * or without a trailing slash; every loopback name (127.0.0.1, localhost, [::1]) reaches the
 * cluster on that port, as they all do over the network.
 */
public final class ClusterDirectory {

    /** One registered cluster. */
    public record Entry(String name, URI endpoint, ClusterCatalog catalog) {}

    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    public void register(String name, URI endpoint, ClusterCatalog catalog) {
        Entry entry = new Entry(name, endpoint, catalog);
        byKey.put(key(endpoint), entry);
        byName.put(name.toLowerCase(Locale.ROOT), entry);
    }

    public void unregister(URI endpoint) {
        Entry removed = byKey.remove(key(endpoint));
        if (removed != null) {
            byName.remove(removed.name().toLowerCase(Locale.ROOT), removed);
        }
    }

    /** Resolves the argument of {@code cluster('...')}: an endpoint URL, or a virtual cluster's name. */
    public Optional<Entry> resolve(String clusterArgument) {
        String text = clusterArgument.strip();
        if (text.contains("://")) {
            try {
                return Optional.ofNullable(byKey.get(key(URI.create(text))));
            } catch (IllegalArgumentException notAUri) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(byName.get(text.toLowerCase(Locale.ROOT)));
    }

    public Optional<ClusterCatalog> catalog(String clusterArgument) {
        return resolve(clusterArgument).map(Entry::catalog);
    }

    private static String key(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "http" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.startsWith("127.")) {
            host = "loopback";
        }
        int port = endpoint.getPort() >= 0 ? endpoint.getPort() : scheme.equals("https") ? 443 : 80;
        String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("/+$", "");
        return scheme + "://" + host + ":" + port + path;
    }
}
