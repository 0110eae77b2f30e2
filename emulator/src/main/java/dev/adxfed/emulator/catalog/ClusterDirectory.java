package dev.adxfed.emulator.catalog;

import dev.adxfed.emulator.faults.FaultSwitch;
import dev.adxfed.kql.ClusterEndpoint;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual clusters of this process, by endpoint and by name, so that {@code cluster('...')}
 * in a query reaches another virtual cluster. Endpoints match as {@link ClusterEndpoint} normalizes them
 * (host in any case, with or without the default port or a trailing slash); every loopback name (127.0.0.1, localhost, [::1]) reaches the
 * cluster on that port, as they all do over the network.
 */
public final class ClusterDirectory {

    /**
     * One registered cluster, with the fault switch that its requests meet, cross-cluster calls from the other
     * clusters of the process included.
     */
    public record Entry(String name, URI endpoint, ClusterCatalog catalog, FaultSwitch faults) {}

    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    /** Registers a cluster with a fault switch of its own, nothing armed. */
    public void register(String name, URI endpoint, ClusterCatalog catalog) {
        register(new Entry(name, endpoint, catalog, new FaultSwitch()));
    }

    public void register(Entry entry) {
        URI endpoint = entry.endpoint();
        String name = entry.name();
        byKey.put(key(endpoint.toString()), entry);
        byName.put(name.toLowerCase(Locale.ROOT), entry);
    }

    public void unregister(URI endpoint) {
        Entry removed = byKey.remove(key(endpoint.toString()));
        if (removed != null) {
            byName.remove(removed.name().toLowerCase(Locale.ROOT), removed);
        }
    }

    /** Resolves the argument of {@code cluster('...')}: an endpoint URL, or a virtual cluster's name. */
    public Optional<Entry> resolve(String clusterArgument) {
        String text = clusterArgument.strip();
        if (text.contains("://")) {
            try {
                return Optional.ofNullable(byKey.get(key(text)));
            } catch (IllegalArgumentException notAUri) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(byName.get(text.toLowerCase(Locale.ROOT)));
    }

    public Optional<ClusterCatalog> catalog(String clusterArgument) {
        return resolve(clusterArgument).map(Entry::catalog);
    }

    /** The endpoint as {@link ClusterEndpoint} normalizes it, with every loopback name as one host. */
    private static String key(String endpoint) {
        URI uri = URI.create(ClusterEndpoint.normalize(endpoint));
        String host = uri.getHost();
        if (host.equals("localhost") || host.equals("[::1]") || host.startsWith("127.")) {
            host = "loopback";
        }
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }
}
