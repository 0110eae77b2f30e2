package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.CatalogSnapshot;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.faults.FaultSwitch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of one query: the instant {@code now()} means throughout, the cluster it was sent to and the clusters it
 * may reach, one catalog snapshot per in-process cluster (so the query sees each cluster as of one moment), and the
 * warnings it collects (members skipped by isfuzzy or best_effort), the options its {@code set} statements give
 * (over the request's own options), and the visualization a render asked for.
 */
final class QuerySession {
    private static final int MAX_DEPTH = 64;
    private static final String BEST_EFFORT = "best_effort";

    private final Instant now;
    private final ClusterDirectory directory;
    private final RemoteClusters remote;
    private final String home;
    private final JsonNode requestOptions;
    private final Duration remoteTimeout;
    private final Map<String, CatalogSnapshot> snapshots = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private int depth;
    private JsonNode visualization;

    /**
     * @param home           the endpoint of the cluster the query was sent to ({@code ""} for none): reading it is no
     *                       cross-cluster call
     * @param requestOptions the request's client request options ({@code Options} of its properties)
     * @param remoteTimeout  how long a cross-cluster call waits for an answer
     */
    QuerySession(Instant now, ClusterDirectory directory, RemoteClusters remote, String home, JsonNode requestOptions,
                 Duration remoteTimeout) {
        this.now = now;
        this.directory = directory;
        this.remote = remote;
        this.home = home;
        this.requestOptions = requestOptions;
        this.remoteTimeout = remoteTimeout;
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

    /**
     * Whether the query runs with {@code best_effort} ({@code set best_effort=true;} or the request option): then
     * union and macro-expand skip, with a warning, what they cannot resolve and clusters that cannot be reached.
     */
    boolean bestEffort() {
        Object value = options.containsKey(BEST_EFFORT) ? options.get(BEST_EFFORT)
                : requestOptions.hasNonNull(BEST_EFFORT) ? requestOptions.get(BEST_EFFORT).asText() : null;
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        if (value.toString().equalsIgnoreCase("true") || value.toString().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.toString());
        }
        throw KustoError.badArgument("The request option '" + BEST_EFFORT + "' must be true or false, got '" + value + "'");
    }

    /**
     * A read of {@code request} (a table or function) at {@code at}: when that is another cluster of this process,
     * the read meets that cluster's faults as a request over HTTP would, and fails as such a request fails.
     */
    void call(Location at, String request) {
        FaultSwitch faults = at.faults();
        if (faults == null) {
            return;
        }
        try {
            faults.beforeCrossClusterCall(request, remoteTimeout);
        } catch (FaultSwitch.Unreachable e) {
            throw new RemoteClusters.ClusterUnreachable(at.clusterEndpoint(), e);
        } catch (KustoError e) {
            throw RemoteClusters.answeredWithError(at.clusterEndpoint(), at.database(), e.errorCode() + ": " + e.getMessage());
        }
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
        return new Location(endpoint, snapshots.computeIfAbsent(endpoint, k -> cluster.catalog().snapshot()), database,
                endpoint.equals(home) ? null : cluster.faults());
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
