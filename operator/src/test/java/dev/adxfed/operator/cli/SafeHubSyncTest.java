package dev.adxfed.operator.cli;

import dev.adxfed.operator.heartbeat.Column;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adxfed sync} against emulator clusters on a hub people share: the hub starts with a user's
 * {@code Cpu()}, an unrelated function and a {@code Sales_Partitions} group. Heartbeats of made-up
 * partitions are written straight into the hub's heartbeat table with the dates a test needs,
 * exactly as a partition writes them.
 */
class SafeHubSyncTest {

    static final String PA = "https://pa.example.net";
    static final String PB = "https://pb.example.net";
    static final String PC = "https://pc.example.net";

    @TempDir
    Path dir;
    private EmulatedFederation clusters;

    @BeforeEach
    void start() throws IOException {
        clusters = new EmulatedFederation();
    }

    @AfterEach
    void stop() {
        clusters.close();
    }

    private Run sync(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("sync", "-f", file.toString()));
        args.addAll(List.of(more));
        Run run = Run.adxfed(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Run query(String database, String text) {
        Run run = Run.adxfed("query", "--endpoint", clusters.hub, "--database", database, text);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /** A heartbeat row as a partition writes it; {@code "Metrics:Cpu,Disk"} lists a database's tables. */
    private void heartbeat(String endpoint, Instant at, Map<String, String> metadata, String... databases) {
        List<DatabaseSchema> schema = new ArrayList<>();
        for (String spec : databases) {
            String[] parts = spec.split(":");
            List<TableSchema> tables = new ArrayList<>();
            for (String table : parts[1].split(",")) {
                tables.add(new TableSchema(table, List.of(new Column("Timestamp", "datetime"))));
            }
            schema.add(new DatabaseSchema(parts[0], tables, List.of()));
        }
        query("FederationHeartbeats", new Heartbeat(at, endpoint, new PartitionSchema(schema), metadata).ingestCommand("Heartbeat"));
    }

    private String members(String database, String group) {
        return query(database, ".show entity_group " + group + " | extend Member = todynamic(Entities) | mv-expand Member | project Member = tostring(Member)").out();
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Test
    void usersObjectsSurviveAndOwnedFunctionsAndGroupsAreDroppedWhenTheirTableOrDatabaseLeaves() throws Exception {
        Path hub = clusters.hubFile(dir, "heartbeatTTL: 10m\ndepartureHoldTime: 1s\n");
        sync(hub);
        sync(clusters.partitionsFile(dir, clusters.hub));
        query("Metrics", ".create function Cpu() { print Owner = 'user' }");
        query("Metrics", ".create function MyReport() { print Rows = 1 }");
        query("Metrics", ".create entity_group Sales_Partitions (cluster('https://never.example.net').database('Sales'))");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        heartbeat(PA, now, Map.of(), "Metrics:Cpu,Disk");
        // Live for 8 more seconds: then its database Audit has no live partition left.
        Instant auditSeen = now.minus(Duration.ofMinutes(10)).plusSeconds(8);
        heartbeat(PB, auditSeen, Map.of(), "Audit:Events");

        Run first = sync(hub);

        assertThat(first.out()).contains("  kept    function Metrics.Cpu: the user's").contains("function.createOrAlter");
        assertThat(query("Metrics", ".show functions").out()).contains("print Owner = 'user'").contains("MyReport")
                .contains("Disk").contains("adxfed");
        assertThat(query("Audit", ".show functions").out()).contains("Events");
        assertThat(members("Metrics", "Audit_Partitions")).contains("pb.example.net");

        heartbeat(PA, now.plusSeconds(2), Map.of(), "Metrics:Cpu");
        Run tableLeft = sync(hub);

        assertThat(tableLeft.out()).contains("function.drop 1");
        assertThat(query("Metrics", ".show functions").out()).doesNotContain("Disk").contains("print Owner = 'user'")
                .contains("MyReport");

        // PB is now unknown to the heartbeat table: only the ownership record, written by an earlier
        // process, says Audit_Partitions is the operator's.
        sleepUntil(auditSeen.plus(Duration.ofMinutes(10)).plusSeconds(2));
        Run databaseLeft = sync(hub);

        assertThat(databaseLeft.out()).contains("entityGroup.drop").contains("function.drop 1");
        assertThat(query("Audit", ".show functions").out()).doesNotContain("Events");
        for (String database : List.of("Metrics", "Logs", "FederationHeartbeats")) {
            assertThat(query(database, ".show entity_groups").out()).as(database).doesNotContain("Audit_Partitions");
        }
        assertThat(query("Metrics", ".show entity_groups").out()).contains("Sales_Partitions");
        assertThat(query("Metrics", ".show functions").out()).contains("print Owner = 'user'").contains("MyReport");
        assertThat(sync(hub).out()).contains("sent 0 command(s)").contains("kept    function Metrics.Cpu");
    }

    @Test
    void aHeartbeatDatedTomorrowABlocklistAndAPartitionSelectorShapeTheGroupsAndFunctions() throws IOException {
        Path hub = clusters.hubFile(dir, """
                heartbeatTTL: 10m
                partitionSelector: "metadata.region != 'westeurope'"
                blockedClusters:
                  static: ["https://BLOCKED.example.net/"]
                  kustoFunction: {database: Metrics, name: BlockedPartitions}
                """);
        query("Metrics", ".create function BlockedPartitions() { datatable(Count:long, Endpoint:string, Note:string)"
                + " [1, 'https://listed.example.net', 'retired'] }");
        sync(hub);
        sync(clusters.partitionsFile(dir, clusters.hub));
        Instant now = Instant.now();
        heartbeat("https://listed.example.net", now, Map.of("region", "eastus"), "Metrics:ListedOnly");
        heartbeat("https://tomorrow.example.net", now.plus(Duration.ofDays(1)), Map.of("region", "eastus"), "Metrics:Tomorrow");
        heartbeat("https://blocked.example.net", now, Map.of("region", "eastus"), "Metrics:BlockedOnly");
        heartbeat("https://unlabelled.example.net", now, Map.of(), "Metrics:Unlabelled");

        Run run = sync(hub);

        assertThat(run.out()).contains("1 partition(s) live").contains("left out 2 blocked, 1 not selected, 1 lacking metadata");
        String metrics = members("Metrics", "Metrics_Partitions");
        assertThat(metrics).contains(clusters.eastus).doesNotContain(clusters.westeurope).doesNotContain("example.net");
        assertThat(query("Metrics", ".show functions").out()).contains("Memory").doesNotContain("Tomorrow")
                .doesNotContain("BlockedOnly").doesNotContain("Unlabelled").doesNotContain("ListedOnly");
        assertThat(query("Metrics", "Memory | summarize Rows = count()").out()).containsPattern("(?m)^ *24$");
    }

    @Test
    void twoOfThreeFallingSilentAreHeldUntilReleasedAndOneOfThreeGoesAtTheTtl() throws Exception {
        Path hub = clusters.hubFile(dir, "heartbeatTTL: 6s\n");
        sync(hub);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String p : List.of(PA, PB, PC)) {
            heartbeat(p, t0, Map.of(), "Metrics:Cpu");
        }
        assertThat(sync(hub).out()).contains("3 partition(s) live");

        sleepUntil(t0.plusSeconds(7));
        heartbeat(PA, Instant.now(), Map.of(), "Metrics:Cpu");
        Run held = sync(hub);

        assertThat(held.out()).contains("  held    departures of " + PB + ", " + PC + ": 2 of 3 member partitions fell silent")
                .contains("3 partition(s) live");
        assertThat(members("Metrics", "Metrics_Partitions")).contains("pb.example.net").contains("pc.example.net");

        Run released = sync(hub, "--release-departures");

        assertThat(released.out()).contains("1 partition(s) live").doesNotContain("held ");
        assertThat(members("Metrics", "Metrics_Partitions")).contains("pa.example.net").doesNotContain("pb.example.net");

        Instant t1 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        for (String p : List.of(PA, PB, PC)) {
            heartbeat(p, t1, Map.of(), "Metrics:Cpu");
        }
        assertThat(sync(hub).out()).contains("3 partition(s) live");
        sleepUntil(t1.plusSeconds(7));
        heartbeat(PA, Instant.now(), Map.of(), "Metrics:Cpu");
        heartbeat(PB, Instant.now(), Map.of(), "Metrics:Cpu");
        Run oneLeft = sync(hub);

        assertThat(oneLeft.out()).contains("2 partition(s) live").doesNotContain("held ");
        assertThat(members("Metrics", "Metrics_Partitions")).contains("pb.example.net").doesNotContain("pc.example.net");
    }
}
