package dev.adxfed.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.EmulatorConfig.ClusterConfig;
import dev.adxfed.emulator.EmulatorConfig.DatabaseConfig;
import dev.adxfed.emulator.EmulatorConfig.TableConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator clusters of {@code adxfed demo}: three regional partitions with telemetry of the last
 * hour, and an empty hub that federation fills.
 */
final class DemoClusters {

    static final List<String> PARTITIONS = List.of("eastus", "westeurope", "southeastasia");
    static final String HUB = "hub";
    static final String HEARTBEAT_DATABASE = "FederationHeartbeats";
    static final String HEARTBEAT_TABLE = "Heartbeat";
    static final String VIEW = "FailedRequests";
    static final int HOSTS = 2;
    static final int SAMPLES = 12;
    static final int REQUESTS_PER_HOST = 15;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] PATHS = {"/", "/api/orders", "/api/users", "/health"};

    private DemoClusters() {}

    static EmulatorConfig config(Instant now) {
        List<ClusterConfig> clusters = new ArrayList<>();
        for (int i = 0; i < PARTITIONS.size(); i++) {
            clusters.add(new ClusterConfig(PARTITIONS.get(i), 0, partitionDatabases(PARTITIONS.get(i), i, now)));
        }
        clusters.add(new ClusterConfig(HUB, 0, List.of(new DatabaseConfig(HEARTBEAT_DATABASE, false, List.of(), List.of()))));
        return new EmulatorConfig(EmulatorConfig.DEFAULT_HOST, clusters, null);
    }

    static String host(String region, int host) {
        return region + "-web-" + host;
    }

    private static List<DatabaseConfig> partitionDatabases(String region, int index, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        List<List<JsonNode>> cpu = new ArrayList<>();
        List<List<JsonNode>> memory = new ArrayList<>();
        List<List<JsonNode>> requests = new ArrayList<>();
        for (int host = 1; host <= HOSTS; host++) {
            JsonNode hostName = JSON.textNode(host(region, host));
            for (int step = SAMPLES; step >= 1; step--) {
                JsonNode time = time(end.minus(Duration.ofMinutes(5L * step)));
                double load = 20 + 10 * index + 8 * host + 5 * Math.sin(step + index);
                cpu.add(List.of(time, hostName, JSON.numberNode(Math.round(load * 10) / 10.0)));
                memory.add(List.of(time, hostName, JSON.numberNode((1_500L + 100L * step + 400L * host + 250L * index) * 1_048_576L)));
            }
            for (int r = 0; r < REQUESTS_PER_HOST; r++) {
                JsonNode time = time(end.minus(Duration.ofMinutes(4L * r + host)));
                int status = (r + host + index) % 7 == 0 ? 503 : 200;
                double duration = 20 + 3 * r + 11 * index + (status == 503 ? 400 : 0);
                requests.add(List.of(time, hostName, JSON.textNode(PATHS[(r + index) % PATHS.length]), JSON.numberNode(status),
                        JSON.numberNode(duration)));
            }
        }
        return List.of(
                new DatabaseConfig("Metrics", false, List.of(
                        new TableConfig("Cpu", columns("Timestamp", "datetime", "Host", "string", "Value", "real"), cpu),
                        new TableConfig("Memory", columns("Timestamp", "datetime", "Host", "string", "UsedBytes", "long"), memory)),
                        List.of()),
                new DatabaseConfig("Logs", false, List.of(
                        new TableConfig("Requests", columns("Timestamp", "datetime", "Host", "string", "Path", "string",
                                "Status", "int", "DurationMs", "real"), requests)),
                        List.of(".create function with (view=true, docstring='Requests that failed') " + VIEW
                                + "() { Requests | where Status >= 500 }")));
    }

    private static JsonNode time(Instant t) {
        return JSON.textNode(t.toString());
    }

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }
}
