package dev.adxfed.operator.federation;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub or a partition that misbehaves, made to by the emulator's fault switch and seen through the
 * official Kusto SDK as in production. For the hub, two partitions are federated first, then a third
 * heartbeats, the faulty pass keeps every live member in the groups, and once the fault is gone the next
 * pass converges.
 */
class FaultsAgainstEmulatorTest {

    static final List<String> HUB_DATABASES = List.of("FederationHeartbeats", "Logs", "Metrics");

    static Emulator emulator;
    static List<VirtualCluster> partitions;
    static KustoClients clients = new KustoClients(
            new StageTimeouts(Duration.ofSeconds(20), Map.of(Stage.HEARTBEAT_READ, Duration.ofSeconds(1))));

    @BeforeAll
    static void start() throws Exception {
        EmulatorConfig sample = EmulatorConfig.sample(3);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        for (String hub : List.of("throttled-hub", "slow-hub", "refusing-hub", "steady-hub")) {
            clusters.add(new EmulatorConfig.ClusterConfig(hub, 0, List.of()));
        }
        // As on ADX, where databases are made in Azure: these two exist, and .create database is refused.
        clusters.add(new EmulatorConfig.ClusterConfig("azure-hub", 0, List.of(
                new EmulatorConfig.DatabaseConfig("FederationHeartbeats", false, List.of(), List.of()),
                new EmulatorConfig.DatabaseConfig("Metrics", false, List.of(), List.of()))));
        emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null));
        partitions = emulator.clusters().subList(0, 3);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aHubAnswering429ToShowEntityGroupsKeepsTheGroupsAndTheNextPassConverges() {
        VirtualCluster hub = federateTwoPartitionsThenHeartbeatTheThird("throttled-hub");
        hub.faults().inject(Fault.throttle().matching("^\\.show entity_groups"));

        FederationReport throttled = pass(hub);

        assertThat(hub.faults().hits()).as("one throttled read per hub database").isEqualTo(HUB_DATABASES.size());
        assertThat(throttled.partitions()).isEqualTo(3);
        assertThat(throttled.failures()).isEqualTo(Map.of("entityGroups.show", HUB_DATABASES.size()));
        assertThat(throttled.failureMessages()).allSatisfy(m -> assertThat(m).containsIgnoringCase("throttl"));
        assertGroupsHoldExactly(hub, partitions.subList(0, 2));
        assertThat(functionBodies(hub, "Metrics")).as("functions do not wait for the groups")
                .allMatch(body -> body.contains(partitions.get(2).url()));

        hub.faults().clear();
        FederationReport next = pass(hub);

        assertThat(next.failureMessages()).isEmpty();
        assertThat(next.succeeded()).isTrue();
        assertGroupsHoldExactly(hub, partitions);
    }

    @Test
    void aHeartbeatReadThatTimesOutChangesNothingAndTheNextPassConverges() {
        VirtualCluster hub = federateTwoPartitionsThenHeartbeatTheThird("slow-hub");
        hub.faults().inject(Fault.delay(Duration.ofSeconds(4)).matching("^let Rows = Heartbeat\\b").times(1));

        FederationReport slow = pass(hub);

        assertThat(hub.faults().hits()).isEqualTo(1);
        assertThat(slow.heartbeatsRead()).isFalse();
        assertThat(slow.failures()).isEqualTo(Map.of("heartbeat.read", 1));
        assertThat(slow.failureMessages()).singleElement().asString().contains("heartbeat.read failed on " + hub.url())
                .contains("timed out after 1000 ms");
        assertThat(slow.commandsSent()).as("a pass that read no heartbeats sends no DDL").isZero();
        assertGroupsHoldExactly(hub, partitions.subList(0, 2));

        FederationReport next = pass(hub);

        assertThat(hub.faults().armed()).as("a fault for one request disarms itself").isEmpty();
        assertThat(next.failureMessages()).isEmpty();
        assertThat(next.partitions()).isEqualTo(3);
        assertGroupsHoldExactly(hub, partitions);
    }

    @Test
    void aScriptWhoseFunctionCommandsFailStillUpdatesTheGroupsAndTheNextPassConverges() {
        VirtualCluster hub = federateTwoPartitionsThenHeartbeatTheThird("refusing-hub");
        hub.faults().inject(Fault.failScriptCommands("function changes are frozen (injected)")
                .matching("^\\.create-or-alter function"));

        FederationReport refused = pass(hub);

        assertThat(hub.faults().hits()).as("Cpu, Memory, Requests and FailedRequests").isEqualTo(4);
        assertThat(refused.failures()).isEqualTo(Map.of("function.createOrAlter", 4));
        assertThat(refused.failureMessages()).hasSize(4).allSatisfy(m -> assertThat(m).contains("function changes are frozen (injected)"));
        assertGroupsHoldExactly(hub, partitions);
        assertThat(functionBodies(hub, "Metrics")).as("the functions as they were: both earlier partitions, not the new one")
                .hasSize(2).allMatch(body -> body.contains(partitions.get(0).url()) && body.contains(partitions.get(1).url())
                        && !body.contains(partitions.get(2).url()));

        hub.faults().clear();
        FederationReport next = pass(hub);

        assertThat(next.failureMessages()).isEmpty();
        assertThat(next.completed()).containsEntry("function.createOrAlter", 4);
        assertThat(functionBodies(hub, "Metrics")).hasSize(2).allMatch(body -> body.contains(partitions.get(2).url()));
        assertGroupsHoldExactly(hub, partitions);
    }

    @Test
    void aPartitionThatAnswersOnlyErrorsKeepsHeartbeatingItsLastSchemaAndStaysInTheGroups() {
        VirtualCluster hub = emulator.cluster("steady-hub").orElseThrow();
        VirtualCluster partition = partitions.get(0);
        assertThat(pass(hub).heartbeatsRead()).isTrue();
        HeartbeatSender sender = new HeartbeatSender(clients, Clock.systemUTC());
        assertThat(sender.send(partition.url(), Map.of("region", partition.name()), List.of(target(hub))).failures()).isEmpty();
        assertThat(pass(hub).failureMessages()).isEmpty();
        assertGroupsHoldExactly(hub, List.of(partition));

        partition.faults().inject(Fault.internalError("the partition is overloaded (injected)"));
        try {
            HeartbeatReport degraded = sender.send(partition.url(), Map.of("region", partition.name()), List.of(target(hub)));

            assertThat(partition.faults().hits()).as("the schema read failed at .show databases").isEqualTo(1);
            assertThat(degraded.schemaFailure()).get().asString().contains("schema.showDatabases failed on " + partition.url())
                    .contains("the partition is overloaded (injected)");
            assertThat(degraded.reached()).as("liveness does not wait on the schema").containsExactly(hub.url());
            assertThat(degraded.schemaReadAt()).get().isNotEqualTo(degraded.at());
            FederationReport next = pass(hub);
            assertThat(next.failureMessages()).isEmpty();
            assertThat(next.partitions()).isEqualTo(1);
            assertGroupsHoldExactly(hub, List.of(partition));
        } finally {
            partition.faults().clear();
        }
    }

    @Test
    void aHubThatRefusesCreateDatabaseAsAdxDoesFederatesTheDatabasesItHasAndReportsTheOthers() {
        VirtualCluster hub = emulator.cluster("azure-hub").orElseThrow();
        hub.faults().inject(Fault.kustoError("BadRequest_Forbidden", "databases are made in Azure (injected)")
                .matching("^\\.create database"));
        assertThat(pass(hub).failureMessages()).isEmpty();
        heartbeat(partitions.get(0), hub);

        FederationReport report = pass(hub);

        assertThat(hub.faults().hits()).as("one refused .create database, for Logs").isEqualTo(1);
        assertThat(report.failures()).as("a database the hub will not make is reported, not failed every pass").isEmpty();
        assertThat(report.hubDatabasesMissing()).containsExactly("Logs");
        assertThat(hub.catalog().snapshot().databases().keySet()).containsExactlyInAnyOrder("FederationHeartbeats", "Metrics");
        for (String database : List.of("FederationHeartbeats", "Metrics")) {
            assertThat(hub.catalog().database(database).orElseThrow().entityGroups()).as(database)
                    .containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
        }
        assertThat(functionBodies(hub, "Metrics")).hasSize(2).allMatch(body -> body.contains(partitions.get(0).url()));
    }

    static VirtualCluster federateTwoPartitionsThenHeartbeatTheThird(String hubName) {
        VirtualCluster hub = emulator.cluster(hubName).orElseThrow();
        assertThat(pass(hub).heartbeatsRead()).as("the first pass makes the heartbeat table").isTrue();
        heartbeat(partitions.get(0), hub);
        heartbeat(partitions.get(1), hub);
        FederationReport first = pass(hub);
        assertThat(first.failureMessages()).isEmpty();
        assertGroupsHoldExactly(hub, partitions.subList(0, 2));
        heartbeat(partitions.get(2), hub);
        return hub;
    }

    static FederationReport pass(VirtualCluster hub) {
        return new FederationPass(clients).run(new Hub(hub.url(), new HeartbeatTable("FederationHeartbeats", "Heartbeat"),
                Duration.ofHours(1), FederationSettings.defaults()));
    }

    static void heartbeat(VirtualCluster partition, VirtualCluster hub) {
        HeartbeatReport report = new HeartbeatSender(clients, Clock.systemUTC())
                .send(partition.url(), Map.of("region", partition.name()), List.of(target(hub)));
        assertThat(report.failures()).isEmpty();
    }

    static FederatedTarget target(VirtualCluster hub) {
        return HubTarget.of(hub.url(), "FederationHeartbeats");
    }

    /**
     * In every hub database, both groups list exactly these partitions. Read from the hub's catalog, not
     * over HTTP, so that the check sees the groups while a fault on {@code .show entity_groups} is armed.
     */
    static void assertGroupsHoldExactly(VirtualCluster hub, List<VirtualCluster> members) {
        for (String database : HUB_DATABASES) {
            Map<String, String> groups = new TreeMap<>();
            hub.catalog().database(database).orElseThrow().entityGroups().values().forEach(group -> groups.put(group.name(),
                    group.entities().stream().map(dev.adxfed.kql.KqlText::entity).toList().toString()));
            assertThat(groups).as(database).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
            for (VirtualCluster partition : partitions) {
                if (members.contains(partition)) {
                    assertThat(groups.values()).as(database).allMatch(entities -> entities.contains(partition.url()));
                } else {
                    assertThat(groups.values()).as(database).noneMatch(entities -> entities.contains(partition.url()));
                }
            }
        }
    }

    static List<String> functionBodies(VirtualCluster hub, String database) {
        return clients.connect(hub.url(), null).mgmt(Stage.FUNCTIONS_SHOW, database, ".show functions").stream()
                .map(r -> r.string("Body")).toList();
    }
}
