package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.catalog.CatalogSnapshot;
import dev.adxfed.emulator.catalog.ClusterDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of one query: the instant {@code now()} means throughout, the clusters it may reach, one catalog
 * snapshot per in-process cluster (so the query sees each cluster as of one moment), and the warnings it
 * collects (members skipped by isfuzzy or best_effort), the options its {@code set} statements give, and
 * the visualization a render asked for.
 */
final class QuerySession {
    private static final int MAX_DEPTH = 64;

    private final Instant now;
    private final ClusterDirectory directory;
    private final RemoteClusters remote;
    private final Map<String, CatalogSnapshot> snapshots = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private int depth;
    private JsonNode visualization;

    QuerySession(Instant now, ClusterDirectory directory, RemoteClusters remote) {
        this.now = now;
        this.directory = directory;
        this.remote = remote;
    }

    Instant now() {
        return now;
    }

    RemoteClusters remote() {
        return remote;
    }

    List<String> warnings() {
        return warnings;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /**
     * A {@code set} statement of the query. Every option is accepted, as ADX accepts its many request
     * options; the server acts on those it implements (result truncation) and the rest change nothing.
     */
    void option(String name, Object value) {
        options.put(name, value);
    }

    Map<String, Object> options() {
        return options;
    }

    /** What a render asked the client to draw; the last render evaluated wins. */
    void render(JsonNode visualization) {
        this.visualization = visualization;
    }

    JsonNode visualization() {
        return visualization;
    }

    /** The database {@code database} of the cluster that {@code cluster('...')} names: in process, or remote. */
    synchronized Location locate(String cluster, String database) {
        return directory.resolve(cluster)
                .map(entry -> locate(entry, database))
                .orElseGet(() -> new Location(cluster, null, database));
    }

    synchronized Location locate(ClusterDirectory.Entry cluster, String database) {
        String endpoint = cluster.endpoint().toString();
        return new Location(endpoint, snapshots.computeIfAbsent(endpoint, k -> cluster.catalog().snapshot()), database);
    }

    /** Guards against a function or macro-expand that calls itself. */
    <T> T nested(String what, Supplier<T> body) {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw SemanticErrors.type("Too deeply nested calls (recursion?) while evaluating " + what);
        }
        try {
            return body.get();
        } finally {
            depth--;
        }
    }
}
