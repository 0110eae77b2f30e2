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
 * The databases a sample cluster starts with: {@code Metrics} (Cpu and Memory samples every five
 * minutes over the last hour, for two hosts) and {@code Logs} (a few traces), so that the
 * federation demo has something to query on every cluster.
 */
final class SampleData {

    private static final String[] REGIONS = {"eastus", "westeurope", "southeastasia", "brazilsouth", "australiaeast"};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SampleData() {}

    static String clusterName(int index) {
        return index < REGIONS.length ? REGIONS[index] : "cluster" + (index + 1);
    }

    static List<DatabaseConfig> databases(int clusterIndex) {
        String region = clusterName(clusterIndex);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<List<JsonNode>> cpu = new ArrayList<>();
        List<List<JsonNode>> memory = new ArrayList<>();
        for (int host = 1; host <= 2; host++) {
            for (int step = 11; step >= 0; step--) {
                JsonNode time = JSON.textNode(ValueText.datetime(end.minus(Duration.ofMinutes(5L * step))));
                JsonNode hostName = JSON.textNode(region + "-web-" + host);
                double load = 20 + 10 * host + 5 * Math.sin(step + clusterIndex);
                cpu.add(List.of(time, hostName, JSON.numberNode(Math.round(load * 100) / 100.0)));
                memory.add(List.of(time, hostName, JSON.numberNode((2_000L + 100L * step + 500L * host) * 1_048_576L)));
            }
        }
        List<List<JsonNode>> traces = List.of(
                List.of(JSON.textNode(ValueText.datetime(end.minus(Duration.ofMinutes(42)))), JSON.textNode("Info"),
                        JSON.textNode("service started in " + region)),
                List.of(JSON.textNode(ValueText.datetime(end.minus(Duration.ofMinutes(17)))), JSON.textNode("Warning"),
                        JSON.textNode("slow response from " + region + "-web-2")));
        return List.of(
                new DatabaseConfig("Metrics", false, List.of(
                        new TableConfig("Cpu", columns("Timestamp", "datetime", "Host", "string", "Value", "real"), cpu),
                        new TableConfig("Memory", columns("Timestamp", "datetime", "Host", "string", "UsedBytes", "long"), memory)),
                        List.of()),
                new DatabaseConfig("Logs", false, List.of(
                        new TableConfig("Traces", columns("Timestamp", "datetime", "Level", "string", "Message", "string"), traces)),
                        List.of()));
    }

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }
}
