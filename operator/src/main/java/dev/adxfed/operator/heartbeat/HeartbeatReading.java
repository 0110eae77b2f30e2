package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.kql.ClusterEndpoint;
import dev.adxfed.kql.KqlText;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the hub's heartbeat rows one at a time. Rows come from other clusters, so each is checked:
 * a row with bad JSON, an invalid database, table or view name, an endpoint that is not an
 * http(s) URL, no Timestamp, or a Timestamp beyond the clock skew in the future is recorded as
 * malformed and skipped; it never stops the others. A partition whose newest heartbeat the page query
 * found unusable (null, truncated, parts missing) is reported too, and keeps its newest usable one if the
 * page had one.
 */
public final class HeartbeatReading {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant latestAllowed;
    private final Map<String, PartitionHeartbeat> byEndpoint = new LinkedHashMap<>();
    private final List<MalformedHeartbeat> malformed = new ArrayList<>();
    private final List<Unusable> unusable = new ArrayList<>();
    /** One instance of each name read, shared by every partition that lists it. */
    private final Map<String, String> names = new HashMap<>();

    /** @param now the hub's time: rows dated more than the clock skew after it are malformed */
    public HeartbeatReading(Instant now) {
        this.latestAllowed = now.plus(HeartbeatTable.MAX_CLOCK_SKEW);
    }

    /**
     * One row of a grouped heartbeat page ({@link HeartbeatTable#pageQuery}): a Schema and the partitions
     * that sent it. The Schema is read once and its databases are shared by all of them; each partition's
     * endpoint and timestamp are still checked on their own, and a Schema that is not valid is reported
     * for every partition that sent it.
     *
     * @param schemaCell     the Schema column as the client returned it: parsed JSON, or JSON text
     * @param partitionsCell the Partitions column: an array of ClusterEndpoint, Timestamp, PartitionMetadata
     */
    public void acceptGroup(Object schemaCell, Object partitionsCell) {
        JsonNode partitions;
        try {
            partitions = json(partitionsCell, "Partitions");
        } catch (IllegalArgumentException e) {
            malformed.add(new MalformedHeartbeat("(unknown)", e.getMessage()));
            return;
        }
        if (!partitions.isArray()) {
            malformed.add(new MalformedHeartbeat("(unknown)", "Partitions is not a JSON array of partitions"));
            return;
        }
        GroupSchema databases = new GroupSchema(schemaCell);
        for (JsonNode partition : partitions) {
            JsonNode endpoint = partition.path("ClusterEndpoint");
            String endpointText = endpoint.isTextual() ? endpoint.asText() : null;
            JsonNode problem = partition.path("Problem");
            if (problem.isObject()) {
                unusable.add(new Unusable(String.valueOf(endpointText), instant(partition.path("Timestamp")), problem(problem)));
                continue;
            }
            accept(endpointText, instant(partition.path("Timestamp")), databases, partition.get("PartitionMetadata"));
        }
    }

    /** A partition's newest heartbeat that the page query found unusable, with why. */
    private record Unusable(String clusterEndpoint, Instant timestamp, String problem) {}

    /** The page query's counts of the newest heartbeat's parts, in words. */
    private static String problem(JsonNode problem) {
        long parts = problem.path("Parts").asLong(1);
        long received = problem.path("Received").asLong(0);
        long arrays = problem.path("Arrays").asLong(0);
        long nulls = problem.path("Nulls").asLong(0);
        String over = " (ADX stores null for a value over the Schema column's limit: 1 MB, or 2 MB with the BigObject"
                + " encoding policy, 32 MB with BigObject32)";
        if (parts <= 1) {
            return nulls > 0 ? "Schema is null" + over : "Schema is not a JSON array of databases (truncated?)";
        }
        if (received < parts) {
            return "only " + received + " of the " + parts + " parts of a split heartbeat arrived";
        }
        return nulls > 0 ? nulls + " of the " + parts + " parts of a split heartbeat have a null Schema" + over
                : (parts - arrays) + " of the " + parts + " parts of a split heartbeat have a Schema that is not a JSON array";
    }

    private void accept(String clusterEndpoint, Instant timestamp, Supplier<List<PartitionDatabase>> databases,
                        Object metadataCell) {
        try {
            String endpoint = endpoint(clusterEndpoint);
            if (timestamp == null) {
                throw new IllegalArgumentException("Timestamp is missing or not a datetime");
            }
            if (timestamp.isAfter(latestAllowed)) {
                throw new IllegalArgumentException("Timestamp " + timestamp + " is more than "
                        + HeartbeatTable.MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
            }
            PartitionHeartbeat heartbeat = new PartitionHeartbeat(endpoint, timestamp, databases.get(),
                    metadata(metadataCell));
            byEndpoint.merge(endpoint, heartbeat, HeartbeatReading::newer);
        } catch (IllegalArgumentException e) {
            malformed.add(new MalformedHeartbeat(String.valueOf(clusterEndpoint), e.getMessage()));
        }
    }

    /** A group's Schema, read when its first partition needs it; the same databases, or error, after that. */
    private final class GroupSchema implements Supplier<List<PartitionDatabase>> {
        private final Object cell;
        private List<PartitionDatabase> databases;
        private IllegalArgumentException invalid;

        GroupSchema(Object cell) {
            this.cell = cell;
        }

        @Override
        public List<PartitionDatabase> get() {
            if (databases == null && invalid == null) {
                try {
                    databases = databases(cell);
                } catch (IllegalArgumentException e) {
                    invalid = e;
                }
            }
            if (invalid != null) {
                throw invalid;
            }
            return databases;
        }
    }

    /** A datetime inside a dynamic value arrives as its ISO 8601 text; anything else is no timestamp. */
    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The newest heartbeat of every partition read, sorted by endpoint. */
    public List<PartitionHeartbeat> partitions() {
        return byEndpoint.values().stream().sorted(Comparator.comparing(PartitionHeartbeat::clusterEndpoint)).toList();
    }

    /**
     * Rows that were skipped, and partitions whose newest heartbeat was unusable: those that have an older
     * usable one keep it, and say since when.
     */
    public List<MalformedHeartbeat> malformed() {
        List<MalformedHeartbeat> all = new ArrayList<>(malformed);
        for (Unusable u : unusable) {
            String endpoint;
            try {
                endpoint = endpoint(u.clusterEndpoint());
            } catch (IllegalArgumentException e) {
                all.add(new MalformedHeartbeat(u.clusterEndpoint(), e.getMessage()));
                continue;
            }
            PartitionHeartbeat kept = byEndpoint.get(endpoint);
            String at = u.timestamp() == null ? "" : "heartbeat of " + u.timestamp() + ": ";
            all.add(kept == null ? new MalformedHeartbeat(endpoint, at + u.problem())
                    : new MalformedHeartbeat(endpoint, at + u.problem() + "; kept its last usable schema, of "
                    + kept.timestamp(), kept.timestamp()));
        }
        return List.copyOf(all);
    }

    private static PartitionHeartbeat newer(PartitionHeartbeat a, PartitionHeartbeat b) {
        return b.timestamp().isAfter(a.timestamp()) ? b : a;
    }

    /** The endpoint as {@link ClusterEndpoint} normalizes it, or an error naming the ClusterEndpoint column. */
    public static String endpoint(String text) {
        try {
            return ClusterEndpoint.normalize(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ClusterEndpoint " + e.getMessage(), e);
        }
    }

    private List<PartitionDatabase> databases(Object schemaCell) {
        JsonNode schema = json(schemaCell);
        if (!schema.isArray()) {
            throw new IllegalArgumentException("Schema is not a JSON array of databases");
        }
        // A database split over several parts of a heartbeat comes as one entry per chunk of its names.
        Map<String, TreeSet<String>> tables = new LinkedHashMap<>();
        Map<String, TreeSet<String>> views = new HashMap<>();
        for (JsonNode entry : schema) {
            String name = names.computeIfAbsent(name(entry.path("database"), "database"), n -> n);
            tables.computeIfAbsent(name, n -> new TreeSet<>()).addAll(names(entry.path("tables"), "table", name));
            views.computeIfAbsent(name, n -> new TreeSet<>()).addAll(names(entry.path("views"), "view", name));
        }
        List<PartitionDatabase> databases = new ArrayList<>();
        tables.forEach((name, t) -> databases.add(PartitionDatabase.of(name, t, views.get(name))));
        return databases;
    }

    /** Values that are not strings are kept as their JSON text, so a selector can still compare them. */
    private static Map<String, String> metadata(Object cell) {
        if (cell == null) {
            return Map.of();
        }
        JsonNode node = cell instanceof String text && text.isBlank() ? JSON.nullNode() : json(cell, "PartitionMetadata");
        if (node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("PartitionMetadata is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            // the parts of a split heartbeat: how it was sent, not what the partition says of itself
            if (!e.getKey().startsWith(HeartbeatRows.RESERVED_PREFIX)) {
                metadata.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        return metadata;
    }

    private static JsonNode json(Object cell) {
        return json(cell, "Schema");
    }

    private static JsonNode json(Object cell, String column) {
        if (cell instanceof JsonNode node) {
            return node;
        }
        if (cell instanceof Number || cell instanceof Boolean) {
            // the SDK hands a dynamic number or bool over as its Java value
            return JSON.valueToTree(cell);
        }
        if (cell instanceof String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(column + " is not JSON: " + e.getOriginalMessage());
            }
        }
        throw new IllegalArgumentException(column + " is " + (cell == null ? "null" : "a " + cell.getClass().getSimpleName()));
    }

    /** adx-mon writes null for an empty list. */
    private TreeSet<String> names(JsonNode array, String kind, String database) {
        TreeSet<String> names = new TreeSet<>();
        if (array.isMissingNode() || array.isNull()) {
            return names;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("Schema has " + kind + "s of database " + database + " that are not an array");
        }
        for (JsonNode item : array) {
            String name = name(item, kind + " (database " + database + ")");
            names.add(this.names.computeIfAbsent(name, n -> n));
        }
        return names;
    }

    private static String name(JsonNode node, String what) {
        if (!node.isTextual() || !KqlText.isValidEntityName(node.asText())) {
            throw new IllegalArgumentException("Schema has an invalid " + what + " name: " + node);
        }
        return node.asText();
    }
}
