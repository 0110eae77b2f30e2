package dev.adxfed.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.emulator.EmulatorConfig.DatabaseConfig;
import dev.adxfed.emulator.EmulatorConfig.TableConfig;
import dev.adxfed.emulator.catalog.ValueText;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases a sample cluster starts with, the same for {@code adxfed emulator} and {@code adxfed demo}:
 * {@code Metrics} with tables Cpu and Memory ({@value #SAMPLES} samples per host, five minutes apart, over
 * the last hour) and {@code Logs} with table Requests ({@value #REQUESTS_PER_HOST} per host, some failed
 * with 503) and the view {@value #VIEW}, on {@value #HOSTS} hosts per cluster. The numbers differ by
 * cluster, so that a federated query shows where each row came from.
 */
public final class SampleData {

    public static final int HOSTS = 2;
    public static final int SAMPLES = 12;
    public static final int REQUESTS_PER_HOST = 15;
    /** A view function over Requests, so that federation has a view to carry to the hub. */
    public static final String VIEW = "FailedRequests";

    private static final String[] REGIONS = {"eastus", "westeurope", "southeastasia", "brazilsouth", "australiaeast"};
    private static final String[] PATHS = {"/", "/api/orders", "/api/users", "/health"};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SampleData() {}

    /** The name of the sample cluster at this index: a region, then {@code cluster6} and on. */
    public static String clusterName(int index) {
        return index < REGIONS.length ? REGIONS[index] : "cluster" + (index + 1);
    }

    /** The name of a host ({@code 1} to {@link #HOSTS}) of a sample cluster. */
    public static String host(String cluster, int host) {
        return cluster + "-web-" + host;
    }

    /** The databases of the sample cluster at this index, with its telemetry of the hour before {@code now}. */
    public static List<DatabaseConfig> databases(int clusterIndex, Instant now) {
        String cluster = clusterName(clusterIndex);
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        List<List<JsonNode>> cpu = new ArrayList<>();
        List<List<JsonNode>> memory = new ArrayList<>();
        List<List<JsonNode>> requests = new ArrayList<>();
        for (int host = 1; host <= HOSTS; host++) {
            JsonNode hostName = JSON.textNode(host(cluster, host));
            for (int step = SAMPLES; step >= 1; step--) {
                JsonNode time = time(end.minus(Duration.ofMinutes(5L * step)));
                // the offset per cluster repeats after five clusters, so that no host is over 100% busy
                double load = 20 + 10 * (clusterIndex % 5) + 8 * host + 5 * Math.sin(step + clusterIndex);
                cpu.add(List.of(time, hostName, JSON.numberNode(Math.round(load * 10) / 10.0)));
                memory.add(List.of(time, hostName,
                        JSON.numberNode((1_500L + 100L * step + 400L * host + 250L * clusterIndex) * 1_048_576L)));
            }
            for (int r = 0; r < REQUESTS_PER_HOST; r++) {
                JsonNode time = time(end.minus(Duration.ofMinutes(4L * r + host)));
                int status = (r + host + clusterIndex) % 7 == 0 ? 503 : 200;
                double duration = 20 + 3 * r + 11 * clusterIndex + (status == 503 ? 400 : 0);
                requests.add(List.of(time, hostName, JSON.textNode(PATHS[(r + clusterIndex) % PATHS.length]),
                        JSON.numberNode(status), JSON.numberNode(duration)));
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
        return JSON.textNode(ValueText.datetime(t));
    }

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }
}
