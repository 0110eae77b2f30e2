package dev.adxfed.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code adxfed status} against emulator clusters: two partitions heartbeating into a hub. */
class StatusCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private EmulatedFederation clusters;
    private Path hub;

    @BeforeEach
    void start() throws IOException {
        clusters = new EmulatedFederation();
        hub = clusters.hubFile(dir);
    }

    @AfterEach
    void stop() {
        clusters.close();
    }

    private void heartbeatsArrive() throws IOException {
        ok(Run.adxfed("sync", "-f", hub.toString()));
        ok(Run.adxfed("sync", "-f", clusters.partitionsFile(dir, clusters.hub).toString()));
    }

    private static Run ok(Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Run hubQuery(String database, String text) {
        return ok(Run.adxfed("query", "--endpoint", clusters.hub, "--database", database, text));
    }

    private static JsonNode json(Run run) throws IOException {
        return JSON.readTree(run.out()).path("hubs").path(0);
    }

    /** The state of one object in the JSON view, e.g. ("Metrics", "functions", "Cpu"). */
    private static String state(JsonNode hub, String database, String kind, String name) {
        for (JsonNode db : hub.path("databases")) {
            if (db.path("database").asText().equals(database)) {
                for (JsonNode object : db.path(kind)) {
                    if (object.path("name").asText().equals(name)) {
                        return object.path("state").asText();
                    }
                }
            }
        }
        return "(absent)";
    }

    @Test
    void beforeTheFirstSyncEveryObjectIsMissingAndEveryPartitionLive() throws IOException {
        heartbeatsArrive();

        Run status = Run.adxfed("status", "-f", hub.toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).contains("NOT IN SYNC: 9 missing")
                .contains("Partitions: 2 live, 0 expired")
                .containsPattern(clusters.eastus + " +\\S+Z +\\d+s +live +member +Logs \\(1 table\\(s\\)\\), Metrics \\(2 table\\(s\\)\\)")
                .containsPattern("Metrics +entity group +Metrics_Partitions +missing +a sync creates it with 2 member\\(s\\)")
                .containsPattern("Logs +function +Traces\\(\\) +missing")
                .contains("Held departures: none")
                .contains("Last pass: " + StatusText.NO_STATUS);
    }

    @Test
    void afterASyncItIsInSyncAndReadingSentNoDdl() throws IOException {
        heartbeatsArrive();
        ok(Run.adxfed("sync", "-f", hub.toString()));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Run status = Run.adxfed("status", "-f", hub.toString());
        Run json = Run.adxfed("status", "-f", hub.toString(), "--output", "json");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("IN SYNC: a sync would send nothing")
                .containsPattern("Metrics +function +Cpu\\(\\) +in sync +2 partition\\(s\\)");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode view = json(json);
        assertThat(view.path("inSync").asBoolean()).isTrue();
        assertThat(view.path("livePartitions").asInt()).isEqualTo(2);
        assertThat(state(view, "Logs", "entityGroups", "Metrics_Partitions")).isEqualTo("inSync");
        List<String> sent = new ArrayList<>();
        String log = hubQuery("FederationHeartbeats", ".show commands-and-queries | where StartedOn > datetime("
                + before + ") and CommandType != 'Query' | project Text").out();
        log.lines().skip(2).filter(l -> l.startsWith(".")).forEach(sent::add);
        assertThat(sent).as("commands the hub ran while status read it").isNotEmpty()
                .allSatisfy(text -> assertThat(text).startsWith(".show"));
    }

    @Test
    void driftedStaleMissingAndConflictingObjectsAreNamed() throws IOException {
        heartbeatsArrive();
        ok(Run.adxfed("sync", "-f", hub.toString()));
        hubQuery("Metrics", ".alter entity_group Metrics_Partitions (cluster('" + clusters.eastus + "').database('Metrics'))");
        hubQuery("Logs", ".drop function Traces");
        hubQuery("Logs", ".create-or-alter function with (folder='adxfed') Stale() { print 1 }");
        hubQuery("Metrics", ".create-or-alter function Memory() { print Owner = 'a user' }");

        Run status = Run.adxfed("status", "-f", hub.toString());
        JsonNode view = json(Run.adxfed("status", "-f", hub.toString(), "-o", "json"));

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).contains("NOT IN SYNC: 1 missing, 1 drifted, 1 stale, 1 conflicting")
                .containsPattern("Metrics +entity group +Metrics_Partitions +drifted +\\+1 -0 member\\(s\\) against the plan")
                .containsPattern("Metrics +entity group +Logs_Partitions +in sync")
                .containsPattern("Logs +function +Traces\\(\\) +missing")
                .containsPattern("Logs +function +Stale\\(\\) +stale")
                .containsPattern("Metrics +function +Memory\\(\\) +conflicting +a user's function or a table of that name stands there \\(see Conflicts\\), left alone");
        assertThat(view.path("inSync").asBoolean()).isFalse();
        assertThat(state(view, "Metrics", "entityGroups", "Metrics_Partitions")).isEqualTo("drifted");
        assertThat(state(view, "Logs", "functions", "Traces")).isEqualTo("missing");
        assertThat(state(view, "Logs", "functions", "Stale")).isEqualTo("stale");
        assertThat(state(view, "Metrics", "functions", "Memory")).isEqualTo("conflict");
        assertThat(state(view, "Metrics", "functions", "Cpu")).isEqualTo("inSync");
    }

    @Test
    void silentPartitionsShowTheirAgeAndTheDepartureGuardHoldingThem() throws Exception {
        Path shortTtl = Files.writeString(dir.resolve("short.yaml"), Files.readString(hub).replace("10m", "6s"));
        ok(Run.adxfed("sync", "-f", shortTtl.toString()));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String p : List.of("https://pa.example.net", "https://pb.example.net", "https://pc.example.net")) {
            clusters.heartbeat(p, t0, "Metrics", "Cpu");
        }
        ok(Run.adxfed("sync", "-f", shortTtl.toString()));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), t0.plusSeconds(7)).toMillis()));
        clusters.heartbeat("https://pa.example.net", Instant.now(), "Metrics", "Cpu");

        Run status = Run.adxfed("status", "-f", shortTtl.toString());
        JsonNode view = json(Run.adxfed("status", "-f", shortTtl.toString(), "-o", "json"));

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).contains("Partitions: 1 live, 2 expired")
                .containsPattern("https://pa.example.net +\\S+ +\\d+s +live +member +Metrics \\(1 table\\(s\\)\\)")
                .containsPattern("https://pb.example.net +" + t0 + " +\\d+s +expired +held")
                .contains("Held departures: https://pb.example.net, https://pc.example.net: 2 of 3 member partitions fell silent")
                .contains("2 departure(s) held");
        assertThat(view.path("heldDepartures")).hasSize(2);
        assertThat(view.path("partitions").path(1).path("live").asBoolean()).isFalse();
        assertThat(view.path("partitions").path(1).path("ageSeconds").asLong()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void theLastPassIsShownFromTheStatusTheFileCarries() throws IOException {
        heartbeatsArrive();
        ok(Run.adxfed("sync", "-f", hub.toString()));
        Path withStatus = Files.writeString(dir.resolve("with-status.yaml"), Files.readString(hub) + """
                status:
                  endpoint: %s
                  conditions:
                    - type: adxcluster.adx-mon.azure.com
                      status: "False"
                      reason: FederationFailed
                      message: 1 failure
                      lastTransitionTime: "2026-12-01T10:00:00Z"
                  federation:
                    partitions: 2
                    failures:
                      entityGroup.create: 1
                    lastSyncTime: "2026-12-01T10:00:00Z"
                    lastSuccessfulSyncTime: "2026-12-01T09:50:00Z"
                """.formatted(clusters.hub));

        Run status = Run.adxfed("status", "-f", withStatus.toString());
        JsonNode view = json(Run.adxfed("status", "-f", withStatus.toString(), "-o", "json"));

        assertThat(status.exitCode()).as("the hub itself is in step now").isZero();
        assertThat(status.out()).contains("Last pass: Ready False (FederationFailed): 1 failure; last sync"
                + " 2026-12-01T10:00:00Z, last successful sync 2026-12-01T09:50:00Z; failures: entityGroup.create 1");
        assertThat(view.path("lastPass").path("failures").path("entityGroup.create").asInt()).isEqualTo(1);
    }

    @Test
    void anEndpointWithItsHeartbeatTableIsReadLikeAFile() throws IOException {
        heartbeatsArrive();

        Run status = Run.adxfed("status", "--endpoint", clusters.hub, "--heartbeat-database", "FederationHeartbeats",
                "--heartbeat-table", "Heartbeat", "--heartbeat-ttl", "10m");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out()).startsWith("hub " + clusters.hub + ", read ").contains("heartbeat TTL 10m")
                .contains("Partitions: 2 live").contains("Last pass: " + StatusText.NO_RESOURCE);
    }

    @Test
    void anUnreachableHubIsNotInSyncAndBadArgumentsExitWithTwo() throws IOException {
        Path gone = Files.writeString(dir.resolve("gone.yaml"), Files.readString(hub).replace(clusters.hub, "http://127.0.0.1:1"));

        Run unreachable = Run.adxfed("status", "-f", gone.toString());
        Run neither = Run.adxfed("status");
        Run partition = Run.adxfed("status", "-f", clusters.partitionsFile(dir, clusters.hub).toString());

        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(1);
        assertThat(unreachable.out()).contains("ERROR: the hub could not be read in full")
                .contains("Read failed: hub.showDatabases failed on http://127.0.0.1:1");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("give either -f FILE or --endpoint URL");
        assertThat(partition.exitCode()).isEqualTo(2);
        assertThat(partition.err()).contains("has role Partition; status reads Federated clusters (a partition shows in"
                + " its hub's status; plan -f on the partition's file shows the heartbeat its sync would send)");
    }

    @Test
    void functionsOverTheEntityGroupsNameTheGroupNotAPartitionCount() throws IOException {
        hub = clusters.hubFile(dir, "heartbeatTTL: 10m\nfunctionMembers: entityGroup\n");
        heartbeatsArrive();
        ok(Run.adxfed("sync", "-f", hub.toString()));
        hubQuery("Metrics", ".create-or-alter function with (folder='adxfed') Cpu() { print Changed = 1 }");

        Run status = Run.adxfed("status", "-f", hub.toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.out())
                .containsPattern("Metrics +function +Cpu\\(\\) +drifted +differs from the plan: a sync alters it \\(over group"
                        + " Metrics_Partitions\\)")
                .containsPattern("Metrics +function +Memory\\(\\) +in sync +group Metrics_Partitions")
                .doesNotContain("0 partition(s)");
    }
}
