package dev.adxfed.operator.federation;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat sender and the federation pass end to end, through the official Kusto SDK, against
 * emulator clusters: three sample partitions (Metrics: Cpu, Memory; Logs: Requests and the view FailedRequests) and an empty hub.
 */
class FederationAgainstEmulatorTest {

    static Emulator emulator;
    static List<VirtualCluster> partitions;
    static VirtualCluster hubCluster;
    static KustoClients clients = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));
    static Hub hub;

    @BeforeAll
    static void start() throws Exception {
        EmulatorConfig sample = EmulatorConfig.sample(3);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null));
        partitions = emulator.clusters().subList(0, 3);
        hubCluster = emulator.clusters().get(3);
        hub = new Hub(hubCluster.url(), new HeartbeatTable("FederationHeartbeats", "Heartbeat"), Duration.ofHours(1),
                FederationSettings.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static FederatedTarget target() {
        return HubTarget.of(hubCluster.url(), "FederationHeartbeats");
    }

    static long count(Kusto cluster, String database, String query) {
        List<Long> counts = new ArrayList<>();
        cluster.query(Stage.HEARTBEAT_READ, database, query, row -> counts.add(((Number) row.get("Count")).longValue()));
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void threePartitionsHeartbeatIntoTheHubWhichFederatesThem() {
        FederationReport empty = new FederationPass(clients).run(hub);
        assertThat(empty.heartbeatsRead()).as(empty.failureMessages().toString()).isTrue();
        assertThat(empty.partitions()).isZero();

        HeartbeatSender sender = new HeartbeatSender(clients, Clock.systemUTC());
        for (VirtualCluster partition : partitions) {
            HeartbeatReport report = sender.send(partition.url(), Map.of("region", partition.name()), List.of(target()));
            assertThat(report.failures()).isEmpty();
            assertThat(report.partitionRoundTrips()).isEqualTo(3);
        }

        FederationReport first = new FederationPass(clients).run(hub);

        assertThat(first.failureMessages()).isEmpty();
        assertThat(first.partitions()).isEqualTo(3);
        Kusto hubKusto = clients.connect(hubCluster.url(), null);
        for (String database : List.of("FederationHeartbeats", "Logs", "Metrics")) {
            Map<String, String> groups = new LinkedHashMap<>();
            for (KustoRow row : hubKusto.mgmt(Stage.ENTITY_GROUPS_SHOW, database, ".show entity_groups")) {
                groups.put(row.string("Name"), row.string("Entities"));
            }
            assertThat(groups).as(database).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
            for (VirtualCluster partition : partitions) {
                assertThat(groups.get("Metrics_Partitions")).contains(partition.url());
            }
        }
        long partitionRows = 0;
        for (VirtualCluster partition : partitions) {
            partitionRows += count(clients.connect(partition.url(), null), "Metrics", "Cpu | count");
        }
        assertThat(partitionRows).isPositive();
        assertThat(count(hubKusto, "Metrics", "Cpu() | count")).isEqualTo(partitionRows);
        assertThat(count(hubKusto, "Metrics", "macro-expand Metrics_Partitions as X ( X.Cpu | count )"))
                .isEqualTo(partitionRows);

        int logged = hubCluster.log().entries().size();
        FederationReport second = new FederationPass(clients).run(hub);

        assertThat(second.commandsSent()).isZero();
        assertThat(hubCluster.log().entries().subList(logged, hubCluster.log().entries().size()))
                .extracting(CommandLog.Entry::text)
                .noneMatch(t -> t.startsWith(".create") || t.startsWith(".alter") || t.startsWith(".drop")
                        || t.startsWith(".execute"));

        // ADX may re-space a body it stores: the fingerprint must not see it, or every pass would alter every function.
        String body = hubKusto.mgmt(Stage.FUNCTIONS_SHOW, "Metrics", ".show function Cpu").get(0).string("Body");
        String respaced = body.replace("{ ", "{").replace(" as X ( ", "\n        as X(").replace(" ) }", ")}")
                .replace(", ", ",\n    ");
        hubKusto.mgmt(Stage.SCRIPT_EXECUTE, "Metrics", ".create-or-alter function with (folder='adxfed', skipvalidation='true')"
                + " Cpu() " + respaced);
        assertThat(hubKusto.mgmt(Stage.FUNCTIONS_SHOW, "Metrics", ".show function Cpu").get(0).string("Body"))
                .as("stored re-spaced").contains("\n        as X(").isNotEqualTo(body);
        assertThat(new FederationPass(clients).run(hub).commandsSent()).as("after a re-spacing").isZero();
        assertThat(count(hubKusto, "Metrics", "Cpu() | count")).isEqualTo(partitionRows);

        Hub overGroups = new Hub(hub.endpoint(), hub.heartbeatTable(), hub.heartbeatTtl(),
                FederationSettings.defaults().withFunctionsOverEntityGroups(true));
        FederationReport switched = new FederationPass(clients).run(overGroups);
        assertThat(switched.failureMessages()).isEmpty();
        assertThat(switched.completed()).containsEntry("function.createOrAlter", 4);
        assertThat(count(hubKusto, "Metrics", "Cpu() | count")).as("Cpu() over Metrics_Partitions").isEqualTo(partitionRows);
        assertThat(new FederationPass(clients).run(overGroups).commandsSent()).isZero();

        List<String> sent = new ArrayList<>();
        emulator.clusters().forEach(c -> c.log().entries().forEach(e -> sent.add(e.text())));
        List<String> distinct = sent.stream().filter(t -> !t.contains("| count")).distinct().toList();
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            assertThat(verdicts.get(i).valid()).as(distinct.get(i) + " " + verdicts.get(i).describe()).isTrue();
        }
    }
}
