package dev.adxfed.operator.federation;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.kusto.Kusto;
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

import static dev.adxfed.operator.federation.FederationAgainstEmulatorTest.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition that has a database named like the hub's heartbeat database, with tables Heartbeat and
 * AdxfedOwnership, and the hub itself heartbeating into itself (a hub given role Partition by mistake):
 * through the official SDK against emulator clusters, nothing is made in the heartbeat database, and the
 * hub goes on reading heartbeats, so a partition that joins later is federated.
 */
class HubSelfDefenceAgainstEmulatorTest {

    static final String HEARTBEATS = "FederationHeartbeats";

    static Emulator emulator;
    static VirtualCluster mistaken;
    static VirtualCluster later;
    static VirtualCluster hubCluster;
    static final KustoClients CLIENTS = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));

    @BeforeAll
    static void start() throws Exception {
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(EmulatorConfig.sample(2).clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        emulator = Emulator.start(new EmulatorConfig(EmulatorConfig.sample(1).host(), clusters, null));
        mistaken = emulator.clusters().get(0);
        later = emulator.clusters().get(1);
        hubCluster = emulator.clusters().get(2);
        Kusto partition = CLIENTS.connect(mistaken.url(), null);
        partition.mgmt(Stage.DATABASE_CREATE, null, ".create database " + HEARTBEATS + " volatile");
        partition.mgmt(Stage.HEARTBEAT_TABLE, HEARTBEATS, ".create table Heartbeat (Timestamp:datetime, ClusterEndpoint:string)");
        partition.mgmt(Stage.HEARTBEAT_TABLE, HEARTBEATS, ".create table AdxfedOwnership (Name:string)");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static void heartbeat(VirtualCluster from) {
        assertThat(new HeartbeatSender(CLIENTS, Clock.systemUTC()).send(from.url(), Map.of(), List.of(HubTarget.of(hubCluster.url(),
                HEARTBEATS))).failures())
                .isEmpty();
    }

    static List<String> names(Kusto hub, String database, String command, String column) {
        return hub.mgmt(Stage.FUNCTIONS_SHOW, database, command).stream().map(r -> r.string(column)).toList();
    }

    @Test
    void aPartitionsHeartbeatDatabaseAndTheHubsOwnHeartbeatChangeNothingThereAndHeartbeatsAreStillRead() {
        Hub hub = new Hub(hubCluster.url(), new HeartbeatTable(HEARTBEATS, "Heartbeat"), Duration.ofHours(1),
                FederationSettings.defaults());
        new FederationPass(CLIENTS).run(hub);
        heartbeat(mistaken);
        heartbeat(hubCluster);

        FederationReport first = new FederationPass(CLIENTS).run(hub);

        Kusto hubKusto = CLIENTS.connect(hubCluster.url(), null);
        assertThat(first.failureMessages()).isEmpty();
        assertThat(names(hubKusto, HEARTBEATS, ".show functions", "Name")).isEmpty();
        assertThat(names(hubKusto, HEARTBEATS, ".show tables", "TableName")).containsExactlyInAnyOrder("Heartbeat", "AdxfedOwnership");
        assertThat(names(hubKusto, "Metrics", ".show entity_groups", "Name")).contains("Metrics_Partitions")
                .doesNotContain(HEARTBEATS + "_Partitions");
        assertThat(first.conflicts()).extracting(Conflict::kind)
                .containsExactly(Conflict.Kind.HEARTBEAT_DATABASE, Conflict.Kind.HUB_ENDPOINT);
        assertThat(first.partitions()).isEqualTo(1);

        heartbeat(later);
        FederationReport second = new FederationPass(CLIENTS).run(hub);

        assertThat(second.partitions()).as("heartbeats are still read").isEqualTo(2);
        String members = hubKusto.mgmt(Stage.ENTITY_GROUPS_SHOW, "Metrics", ".show entity_group Metrics_Partitions")
                .stream().map(r -> r.string("Entities")).findFirst().orElse("");
        assertThat(members).contains(mistaken.url(), later.url()).doesNotContain(hubCluster.url());
        long rows = count(CLIENTS.connect(mistaken.url(), null), "Metrics", "Cpu | count")
                + count(CLIENTS.connect(later.url(), null), "Metrics", "Cpu | count");
        assertThat(count(hubKusto, "Metrics", "Cpu | count")).isEqualTo(rows);
        assertThat(names(hubKusto, HEARTBEATS, ".show functions", "Name")).isEmpty();
        assertThat(new FederationPass(CLIENTS).run(hub).commandsSent()).isZero();
    }
}
