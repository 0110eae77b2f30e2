package dev.adxfed.operator.controller;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.federation.HubDatabase;
import dev.adxfed.operator.heartbeat.Column;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.adxfed.operator.controller.OperatorOnMockApi.entityGroups;
import static dev.adxfed.operator.controller.OperatorOnMockApi.get;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionCluster;
import static dev.adxfed.operator.controller.OperatorOnMockApi.partitionsAndHubs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status and metrics of issue 8 through the deployed shape: JOSDK against fabric8's CRUD mock
 * API server, Kusto through the official SDK against emulator clusters.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorSafetyAgainstEmulatorTest {

    static Emulator emulator;
    static List<VirtualCluster> partitions;
    static VirtualCluster lonelyHub;
    static VirtualCluster strictHub;
    static VirtualCluster guardedHub;
    static KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(5)));

    KubernetesClient client;
    @RegisterExtension
    final OperatorOnMockApi operator = new OperatorOnMockApi(() -> client);
    OperatorRuntime runtime;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulator.start(partitionsAndHubs(3, "lonely-hub", "strict-hub", "guarded-hub"));
        partitions = emulator.clusters().subList(0, 3);
        lonelyHub = emulator.clusters().get(3);
        strictHub = emulator.clusters().get(4);
        guardedHub = emulator.clusters().get(5);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    void startOperator(Duration federationInterval, Duration firstRetry) throws Exception {
        runtime = operator.startWithoutLeaderElection(kusto, federationInterval, firstRetry, Map.of("region", "westeurope"));
    }

    @Test
    void aHubWithoutPartitionsIsNoLivePartitionsAndAnUnreachableHubIsRetriedLongBeforeItsInterval() throws Exception {
        startOperator(Duration.ofMinutes(10), Duration.ofMillis(200));
        operator.create(hub("lonely-hub", lonelyHub.url(), "1h"));
        operator.create(hub("unreachable-hub", "http://127.0.0.1:1", "1h"));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(operator.condition("lonely-hub").getReason()).isEqualTo("NoLivePartitions");
            assertThat(operator.condition("unreachable-hub").getReason()).isEqualTo("FederationFailed");
        });
        Condition lonely = operator.condition("lonely-hub");
        assertThat(lonely.getStatus()).isEqualTo("False");
        assertThat(lonely.getMessage()).startsWith("No live member partition");
        assertThat(operator.status("lonely-hub").federation.lastSuccessfulSyncTime).as("nothing was synced").isNull();
        assertThat(operator.status("lonely-hub").federation.lastSyncTime).isNotNull();

        // The interval is 10 minutes: only the backoff (200 ms, doubling) brings newer attempts this soon.
        String firstAttempt = operator.status("unreachable-hub").federation.lastSyncTime;
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(Instant.parse(operator.status("unreachable-hub").federation.lastSyncTime))
                    .isAfter(Instant.parse(firstAttempt));
            assertThat(reconciles("failed")).isGreaterThanOrEqualTo(3);
        });
        assertThat(reconciles("noLivePartitions")).as("no live partition is not retried sooner").isEqualTo(1);
    }

    @Test
    void aHostileHeartbeatNamingManyDatabasesAHubCannotCreateGivesHubDatabaseMissingWithABoundedStatus() throws Exception {
        Kusto raw = kusto.connect(strictHub.url(), null);
        HeartbeatTable table = new HeartbeatTable("FederationHeartbeats", "Heartbeat");
        raw.mgmt(Stage.DATABASE_CREATE, null, HubDatabase.createCommand(table.database()).text());
        raw.mgmt(Stage.HEARTBEAT_TABLE, table.database(), table.createCommand());
        List<DatabaseSchema> databases = IntStream.range(0, 60).mapToObj(i -> new DatabaseSchema("Hostile" + i,
                List.of(new TableSchema("Cpu", List.of(new Column("Value", "real")))), List.of())).toList();
        raw.mgmt(Stage.HEARTBEAT_INGEST, table.database(), new Heartbeat(Instant.now(), "https://hostile.kusto.windows.net",
                new PartitionSchema(databases), Map.of()).ingestCommand(table.table()));
        // As ADX: databases are made in Azure, the cluster refuses to create them.
        strictHub.faults().inject(Fault.kustoError("BadRequest_Forbidden", "Forbidden (403): databases are created in Azure")
                .matching("^\\.create database"));
        startOperator(Duration.ofMillis(500), OperatorRuntime.FIRST_RETRY);
        operator.create(hub("strict-hub", strictHub.url(), "1h"));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(operator.condition("strict-hub").getReason()).isEqualTo("HubDatabaseMissing"));
        Condition condition = operator.condition("strict-hub");
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getMessage()).startsWith("60 databases are (Hostile0; Hostile1; Hostile10; and 57 more)"
                + " missing on the hub").contains("in Azure").contains("spec.provision");
        ADXClusterStatus status = operator.status("strict-hub");
        assertThat(status.federation.missingHubDatabases).hasSize(StatusLimits.LIST_ENTRIES).contains("Hostile0");
        assertThat(status.federation.missingHubDatabaseCount).isEqualTo(60);
        assertThat(status.federation.databases).hasSize(StatusLimits.LIST_ENTRIES);
        assertThat(status.federation.databaseCount).isEqualTo(60);
        assertThat(status.federation.lastSuccessfulSyncTime).isNull();
        assertThat(raw.mgmt(Stage.HUB_DATABASES, null, ".show databases")).as("no database made").hasSize(1);
        assertThat(get(runtime.metricsPort(), "/metrics").body())
                .contains("adxfed_hub_databases_missing{hub=\"" + strictHub.url() + "\"} 60.0")
                .contains("adxfed_reconciles_total{hub=\"" + strictHub.url() + "\",result=\"hubDatabaseMissing\",role=\"Federated\"}");
    }

    @Test
    void aUsersFunctionIsAConflictAndTwoOfThreePartitionsFallingSilentAreHeldUntilTheAnnotationReleasesThem() throws Exception {
        // Partitions heartbeat on their own timers: the hub refuses the operator's heartbeat reads (its
        // latest-per-partition queries) while two stop, so that one pass sees both silent at once, as when
        // their operator goes down.
        Fault heartbeatReadsRefused = Fault.internalError("heartbeat reads paused by the test")
                .matching("^let Rows = Heartbeat\\b");
        Kusto hubKusto = kusto.connect(guardedHub.url(), null);
        hubKusto.mgmt(Stage.DATABASE_CREATE, null, HubDatabase.createCommand("Metrics").text());
        hubKusto.mgmt(Stage.FUNCTIONS_SHOW, "Metrics", ".create function Cpu() { print Value = 1.0 }");
        startOperator(Duration.ofMillis(500), Duration.ofMillis(200));
        List<String> names = List.of("guarded-west", "guarded-east", "guarded-south");
        for (int i = 0; i < 3; i++) {
            operator.create(partitionCluster(names.get(i), partitions.get(i).url(), null, guardedHub));
        }
        operator.create(hub("guarded-hub", guardedHub.url(), "3s"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(entityGroups(hubKusto, "Metrics").get("Metrics_Partitions"))
                    .contains(partitions.get(0).url(), partitions.get(1).url(), partitions.get(2).url());
            assertThat(operator.condition("guarded-hub").getReason()).isEqualTo("Complete");
            assertThat(operator.status("guarded-hub").federation.partitions).isEqualTo(3);
        });
        assertThat(operator.condition("guarded-hub").getMessage()).as("the user's Cpu() is left alone, and said so")
                .contains("Left alone, not the operator's: function Metrics.Cpu");
        assertThat(operator.status("guarded-hub").federation.conflicts).containsExactly("function Metrics.Cpu");
        assertThat(get(runtime.metricsPort(), "/metrics").body())
                .contains("adxfed_conflicts{hub=\"" + guardedHub.url() + "\",kind=\"function\"} 1.0");

        guardedHub.faults().inject(heartbeatReadsRefused);
        operator.delete("guarded-east");
        operator.delete("guarded-south");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(secondsSilent(hubKusto,
                partitions.get(1).url(), partitions.get(2).url())).as("both past the TTL").isGreaterThan(4));
        assertThat(guardedHub.faults().hits()).as("passes went on meanwhile, refused their reads").isPositive();
        guardedHub.faults().clear();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(operator.condition("guarded-hub").getReason()).isEqualTo("DeparturesHeld"));
        assertThat(operator.condition("guarded-hub").getMessage())
                .contains(partitions.get(1).url()).contains(partitions.get(2).url())
                .contains("kubectl annotate adxcluster guarded-hub adxfed.dev/release-departures=true");
        assertThat(operator.status("guarded-hub").federation.heldDepartures)
                .containsExactlyInAnyOrder(partitions.get(1).url(), partitions.get(2).url());
        assertThat(entityGroups(hubKusto, "Metrics").get("Metrics_Partitions")).as("held: still members")
                .contains(partitions.get(1).url(), partitions.get(2).url());
        assertThat(get(runtime.metricsPort(), "/metrics").body())
                .contains("adxfed_departures_held{hub=\"" + guardedHub.url() + "\"} 2.0");

        operator.edit("guarded-hub", hub -> {
            Map<String, String> annotations = hub.getMetadata().getAnnotations() == null ? new HashMap<>()
                    : new HashMap<>(hub.getMetadata().getAnnotations());
            annotations.put(ReleaseDepartures.ANNOTATION, "true");
            hub.getMetadata().setAnnotations(annotations);
        });
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(entityGroups(hubKusto, "Metrics").get("Metrics_Partitions")).contains(partitions.get(0).url())
                    .doesNotContain(partitions.get(1).url()).doesNotContain(partitions.get(2).url());
            assertThat(operator.condition("guarded-hub").getReason()).isEqualTo("Complete");
        });
        ADXCluster released = operator.read("guarded-hub");
        assertThat(released.getMetadata().getAnnotations()).as("acted on once, then removed")
                .doesNotContainKey(ReleaseDepartures.ANNOTATION);
        assertThat(released.getStatus().federation.heldDepartureCount).isZero();
        assertThat(get(runtime.metricsPort(), "/metrics").body())
                .contains("adxfed_departures_held{hub=\"" + guardedHub.url() + "\"} 0.0");
    }

    /** How long the quieter of the endpoints has been silent, by their newest heartbeat on the hub. */
    static long secondsSilent(Kusto hub, String... endpoints) {
        List<Long> ages = new ArrayList<>();
        hub.query(Stage.HEARTBEAT_READ, "FederationHeartbeats", "Heartbeat | where ClusterEndpoint in ('"
                + String.join("', '", endpoints) + "') | summarize Last = max(Timestamp) by ClusterEndpoint"
                + " | summarize Seconds = min(datetime_diff('second', now(), Last))",
                row -> ages.add(Long.parseLong(row.string("Seconds"))));
        return ages.get(0);
    }

    static ADXCluster hub(String name, String endpoint, String ttl) {
        ADXCluster hub = OperatorOnMockApi.hub(name, endpoint);
        hub.getSpec().federation.heartbeatTTL = ttl;
        return hub;
    }

    double reconciles(String result) {
        var counter = runtime.metrics().registry().find("adxfed.reconciles").tags("role", "Federated", "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
