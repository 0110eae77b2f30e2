package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator seen from a second client: Microsoft's Kusto SDK for Node.js (tools/kusto-node-client), so the
 * wire format is not only as lenient as the Java SDK happens to be. One node process sends every request in
 * order and reports what the SDK made of each answer.
 */
class NodeSdkCompatibilityTest {

    private static final ObjectMapper JSON = NodeSdk.JSON;
    private static final String DB = "Telemetry";

    private static Emulator emulator;
    private static VirtualCluster cluster;
    private static List<JsonNode> answers;

    @BeforeAll
    static void sendEverythingThroughTheNodeSdk() throws Exception {
        emulator = Emulator.startClusters(1);
        cluster = emulator.clusters().get(0);
        cluster.faults().inject(Fault.throttle().matching("^print throttled"));
        answers = run(List.of(
                request(".create database " + DB + " volatile", Map.of()),
                request(".create table Cpu (Timestamp:datetime, Host:string, Value:real, Tags:dynamic)", Map.of()),
                request(".ingest inline into table Cpu <|\n"
                        + "2024-05-01T10:00:00Z,web-1,1.5,\"{\"\"rack\"\":\"\"r1\"\"}\"\n"
                        + "2024-05-01T10:05:00Z,web-1,2.5,\"{\"\"rack\"\":\"\"r1\"\"}\"\n"
                        + "2024-05-01T10:00:00Z,web-2,not-a-number,[]", Map.of()),
                request("Cpu | summarize Samples = count(), Peak = max(Value) by Host | where isnotnull(Peak) | order by Host asc", Map.of()),
                request(".show tables | project TableName", Map.of()),
                request("range x from 1 to 11 step 1", Map.of("truncationmaxrecords", 10)),
                request("set truncationmaxrecords = 10; range x from 1 to 10 step 1", Map.of()),
                request("Cpu | whre Value > 1", Map.of()),
                request("print throttled = 1", Map.of()),
                request("Cpu | where Host == 'web-2' | project Value, Tags", Map.of())));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void managementCommandsAndIngestionAnswerAsTheSdkExpects() {
        assertThat(answers.get(1).has("error")).as("create table: %s", answers.get(1)).isFalse();
        assertThat(answers.get(2).has("error")).as("ingest: %s", answers.get(2)).isFalse();
        assertThat(rows(answers.get(4))).containsExactly(List.of("Cpu"));
    }

    @Test
    void queryRowsArriveTypedAndAValueThatDoesNotFitIsNull() {
        assertThat(rows(answers.get(3))).containsExactly(List.of("web-1", "2", "2.5"));
        assertThat(rows(answers.get(9))).as("text in a real column was stored as null, the row kept")
                .containsExactly(List.of("null", "[]"));
    }

    @Test
    void resultLimitsFromOptionsAndSetStatementsReachTheNodeSdk() {
        JsonNode overLimit = answers.get(5);
        assertThat(overLimit.path("error").asText()).as("%s", overLimit).isNotEmpty();
        assertThat(overLimit.path("message").asText()).contains("E_QUERY_RESULT_SET_TOO_LARGE").contains("record count limit 10");
        assertThat(rows(answers.get(6))).hasSize(10);
    }

    @Test
    void aSyntaxErrorAndThrottlingAreErrorsOfTheirKind() {
        assertThat(answers.get(7).path("error").asText()).as("%s", answers.get(7)).isNotEmpty();
        assertThat(answers.get(7).path("message").asText()).as("%s", answers.get(7)).contains("400");
        assertThat(answers.get(8).path("error").asText()).as("%s", answers.get(8)).isEqualTo("ThrottlingError");
        assertThat(cluster.faults().hits()).isEqualTo(1);
    }

    private static ObjectNode request(String text, Map<String, Object> options) {
        ObjectNode request = JSON.createObjectNode().put("database", DB).put("text", text);
        request.set("options", JSON.valueToTree(options));
        return request;
    }

    private static List<JsonNode> run(List<ObjectNode> requests) throws IOException, InterruptedException {
        return NodeSdk.run(emulator.endpoint(), requests);
    }

    /** Every cell as text, so that a test reads the same whatever JSON type the SDK chose. */
    private static List<List<String>> rows(JsonNode answer) {
        assertThat(answer.has("error")).as("%s", answer).isFalse();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.isValueNode() ? cell.asText() : cell.toString()));
            rows.add(cells);
        }
        return rows;
    }
}
