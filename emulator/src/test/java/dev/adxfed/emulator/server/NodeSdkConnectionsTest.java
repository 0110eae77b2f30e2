package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections as Microsoft's Node.js SDK sees them. The SDK keeps its connections alive with no idle timeout of its own and reuses them for later
 * requests. A server that closes idle connections races with it: a request sent as the server closes fails with
 * "socket hang up" (the JDK's built-in server did so at 30 s, more often under CPU load). Several clients send
 * requests over their pooled connections with pauses, one of them past 40 s, and every request must be answered
 * over the connection its client had used before. A cluster made unreachable drops the pooled connection and
 * refuses new ones, as a host that is down.
 */
class NodeSdkConnectionsTest {

    /**
     * Past the idle time after which Jetty's default (30 s) and the JDK's built-in server (30 s, checked every 10 s)
     * are sure to have closed a connection.
     */
    private static final int LONG_PAUSE_MILLIS = 41_000;
    private static final int[] SHORT_PAUSES_MILLIS = {0, 0, 20, 100, 300, 700, 1000, 1500};

    private static Emulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.startClusters(2);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void pooledConnectionsStayUsableAcrossPausesAndEveryRequestIsAnswered() throws Exception {
        List<NodeSdk.Run> runs = new ArrayList<>();
        runs.add(NodeSdk.start(emulator.endpoint(), List.of(
                request("Cpu | count", 0), request("Cpu | count", LONG_PAUSE_MILLIS), request(".show tables", 0))));
        for (int client = 0; client < 3; client++) {
            List<ObjectNode> requests = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int pause = SHORT_PAUSES_MILLIS[(i + client * 3) % SHORT_PAUSES_MILLIS.length];
                requests.add(request(i % 4 == 3 ? ".show tables | count" : "Cpu | summarize count() by Host", pause));
            }
            runs.add(NodeSdk.start(emulator.endpoint(), requests));
        }

        for (int r = 0; r < runs.size(); r++) {
            List<JsonNode> answers = runs.get(r).answers();
            for (int i = 0; i < answers.size(); i++) {
                JsonNode answer = answers.get(i);
                assertThat(answer.has("error")).as("client %d, request %d: %s", r, i, answer).isFalse();
                assertThat(answer.path("rows").size()).as("client %d, request %d: %s", r, i, answer).isPositive();
                if (i > 0) {
                    assertThat(answer.path("reusedConnection").asBoolean())
                            .as("client %d, request %d went over the connection its client used before: %s", r, i, answer)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aClusterThatIsDownDropsThePooledConnectionAndRefusesNewOnes() throws Exception {
        VirtualCluster down = emulator.clusters().get(1);
        NodeSdk.Run run = NodeSdk.start(down.endpoint(), List.of(request("print answered = 'first'", 0),
                request("print answered = 'second'", 8_000)));
        await().atMost(Duration.ofSeconds(60)).until(() -> down.log().entries().stream()
                .map(CommandLog.Entry::text).anyMatch(text -> text.contains("'first'")));
        down.faults().inject(Fault.unreachable());

        List<JsonNode> answers = run.answers();
        assertThat(answers.get(0).has("error")).as("%s", answers.get(0)).isFalse();
        assertThat(answers.get(1).path("message").asText()).as("%s", answers.get(1)).contains("ECONNREFUSED");
        assertThat(down.log().entries()).extracting(CommandLog.Entry::text).noneMatch(text -> text.contains("'second'"));
        down.faults().clear();
    }

    private static ObjectNode request(String text, int pauseMillis) {
        return NodeSdk.JSON.createObjectNode().put("database", "Metrics").put("text", text).put("pauseMillis", pauseMillis);
    }
}
