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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    @TempDir
    Path dir;
    private EmulatedFederation clusters;
    private Path hub;

    @BeforeEach
    void heartbeatsArrive() throws IOException {
        clusters = new EmulatedFederation();
        hub = clusters.hubFile(dir);
        assertThat(Run.adxfed("sync", "-f", hub.toString()).exitCode()).isZero();
        assertThat(Run.adxfed("sync", "-f", clusters.partitionsFile(dir, clusters.hub).toString()).exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        clusters.close();
    }

    @Test
    void printsTheCommandsASyncWouldSendAndSendsNone() {
        Run plan = Run.adxfed("plan", "-f", hub.toString());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        String out = plan.out();
        assertThat(out).contains("// hub (" + clusters.hub + "): 2 partition(s) heartbeating within 10m")
                .contains("// database Metrics")
                .contains(".execute database script with (ContinueOnErrors=true)")
                .containsPattern("\\.create entity_group Metrics_Partitions .*cluster\\('" + clusters.eastus + "'\\)\\.database\\('Metrics'\\)")
                .containsPattern("\\.create-or-alter function .*Cpu\\(\\)")
                .contains("nothing was sent");
        Run groups = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "Metrics", ".show entity_groups");
        assertThat(groups.out()).as("the hub is unchanged").contains("(0 rows)");
    }

    @Test
    void aUsersFunctionIsShownAsKeptAndNotInThePlan() {
        Run create = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "Metrics",
                ".create function Cpu() { print Owner = 'user' }");
        assertThat(create.exitCode()).as(create.toString()).isZero();

        Run plan = Run.adxfed("plan", "-f", hub.toString());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("//  kept    function Metrics.Cpu: the user's, not the operator's")
                .doesNotContainPattern("\\.create-or-alter function .*Cpu\\(\\)")
                .containsPattern("\\.create-or-alter function .*Memory\\(\\)");
    }

    @Test
    void afterASyncThePlanIsEmpty() {
        assertThat(Run.adxfed("sync", "-f", hub.toString()).exitCode()).isZero();

        Run plan = Run.adxfed("plan", "-f", hub.toString());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("// IN SYNC: a sync would send nothing").doesNotContain(".execute");
    }

    /** After a sync: one group drifted (a member gone, one missing), a function dropped, a stale one, a user's one. */
    private void theHubDrifts() {
        assertThat(Run.adxfed("sync", "-f", hub.toString()).exitCode()).isZero();
        for (String[] command : new String[][] {
                {"Metrics", ".alter entity_group Metrics_Partitions (cluster('" + clusters.eastus
                        + "').database('Metrics'), cluster('https://gone.example.net').database('Metrics'))"},
                {"Logs", ".drop function Traces"},
                {"Logs", ".create-or-alter function with (folder='adxfed') Stale() { print 1 }"},
                {"Metrics", ".create-or-alter function Memory() { print Owner = 'a user' }"}}) {
            Run run = Run.adxfed("query", "--endpoint", clusters.hub, "--database", command[0], command[1]);
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    @Test
    void markdownIsAReviewableDiffPerHubDatabase() {
        theHubDrifts();

        Run plan = Run.adxfed("plan", "-f", hub.toString(), "--output", "markdown");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).isEqualTo("""
                ## adxfed plan: `hub` (%1$s)

                2 live partition(s) within the heartbeat TTL 10m; a sync would send 2 request(s).

                NOT IN SYNC: 1 missing, 1 drifted, 1 stale, 1 conflicting, a sync would send 2 request(s)

                ### Database `Logs`

                | Function | Change | Partitions |
                |---|---|---|
                | `Stale()` | **drop** |  |
                | `Traces()` | **create** | 2 |

                ### Database `Metrics`

                | Entity group | Change | Members added | Members removed |
                |---|---|---|---|
                | `Metrics_Partitions` | **alter** | `cluster('%2$s').database('Metrics')` | `cluster('https://gone.example.net').database('Metrics')` |

                | Function | Change | Partitions |
                |---|---|---|
                | `Memory()` | conflict: a user's object, left alone | 2 |

                ### Conflicts, left as they are

                - function Metrics.Memory: the user's, not the operator's; left as it is: rename or drop it to let the operator make its own, or move it into the operator's functionFolder to hand it over

                """.formatted(clusters.hub, clusters.westeurope));
    }

    @Test
    void jsonHasTheSameDiffForTools() throws IOException {
        theHubDrifts();

        Run plan = Run.adxfed("plan", "-f", hub.toString(), "-o", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode review = new ObjectMapper().readTree(plan.out()).path("hubs").path(0);
        assertThat(review.path("name").asText()).isEqualTo("hub");
        assertThat(review.path("pendingRequests").asInt()).isEqualTo(2);
        assertThat(review.path("inSync").asBoolean()).isFalse();
        JsonNode databases = review.path("databases");
        assertThat(databases).hasSize(2);
        JsonNode logs = databases.path(0);
        assertThat(logs.path("database").asText()).isEqualTo("Logs");
        assertThat(logs.path("entityGroups")).isEmpty();
        assertThat(logs.path("functions").findValuesAsText("name")).containsExactly("Stale", "Traces");
        assertThat(logs.path("functions").findValuesAsText("state")).containsExactly("stale", "missing");
        JsonNode metrics = databases.path(1);
        JsonNode group = metrics.path("entityGroups").path(0);
        assertThat(group.path("name").asText()).isEqualTo("Metrics_Partitions");
        assertThat(group.path("state").asText()).isEqualTo("drifted");
        assertThat(group.path("membersAdded").get(0).asText()).isEqualTo("cluster('" + clusters.westeurope + "').database('Metrics')");
        assertThat(group.path("membersRemoved").get(0).asText()).isEqualTo("cluster('https://gone.example.net').database('Metrics')");
        assertThat(metrics.path("functions").findValuesAsText("name")).containsExactly("Memory");
        assertThat(metrics.path("functions").path(0).path("state").asText()).isEqualTo("conflict");
    }

    @Test
    void markdownOfAHubInStepSaysSo() {
        assertThat(Run.adxfed("sync", "-f", hub.toString()).exitCode()).isZero();

        Run plan = Run.adxfed("plan", "-f", hub.toString(), "-o", "markdown");

        assertThat(plan.out()).contains("a sync would send 0 request(s).")
                .contains("IN SYNC: a sync would send nothing").doesNotContain("###");
    }

    @Test
    void aDatabaseTheHubLacksIsPlannedAsCreatedWithItsGroupsAndFunctions() {
        clusters.heartbeat("https://pa.example.net", Instant.now(), "Audit", "Events");

        Run plan = Run.adxfed("plan", "-f", hub.toString(), "-o", "markdown");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("### Databases the sync creates on the hub\n\n`Audit`\n")
                .contains("### Database `Audit`")
                .contains("| `Audit_Partitions` | **create** | `cluster('https://pa.example.net').database('Audit')` |  |")
                .contains("| `Events()` | **create** | 1 |")
                .doesNotContain("Reads that failed");
    }

    @Test
    void aPartitionsPlanShowsTheHeartbeatItWouldSendAndSendsNone() throws IOException {
        Path partition = Files.writeString(dir.resolve("eastus.yaml"),
                EmulatedFederation.partition("eastus", clusters.eastus, clusters.hub));
        String heartbeats = heartbeatCount();

        Run plan = Run.adxfed("plan", "-f", partition.toString());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("// eastus (" + clusters.eastus + "): partition of 2 database(s); a sync heartbeats"
                        + " into 1 target(s)")
                .containsPattern("// to " + clusters.hub + " FederationHeartbeats.Heartbeat: 1 ingestion\\(s\\), [0-9.]+ (B|KiB)")
                .contains("// nothing was sent").doesNotContain("signs in with");
        assertThat(heartbeatCount()).as("no heartbeat was ingested").isEqualTo(heartbeats);
    }

    private String heartbeatCount() {
        Run count = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "FederationHeartbeats", "Heartbeat | count");
        assertThat(count.exitCode()).as(count.toString()).isZero();
        return count.out();
    }

    @Test
    void aPartitionWhoseHubIsNotSetUpYetSaysSoWithExit4() throws IOException {
        Path partition = Files.writeString(dir.resolve("eastus.yaml"),
                EmulatedFederation.partition("eastus", clusters.eastus, clusters.hub)
                        .replace("heartbeatDatabase: FederationHeartbeats", "heartbeatDatabase: NewHeartbeats"));

        Run plan = Run.adxfed("plan", "-f", partition.toString());

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(4);
        assertThat(plan.out()).contains("// failed: " + clusters.hub + ": the hub has no heartbeat table NewHeartbeats.Heartbeat"
                + " yet (it is not set up): sync the hub first");
        assertThat(plan.err()).contains("not set up yet");
    }

    @Test
    void aPartitionIsPlannedAsTextOnly() throws IOException {
        Path partition = Files.writeString(dir.resolve("eastus.yaml"),
                EmulatedFederation.partition("eastus", clusters.eastus, clusters.hub));

        Run plan = Run.adxfed("plan", "-f", partition.toString(), "-o", "markdown");

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).contains("ADXCluster eastus is a Partition; plan -o markdown reviews hubs' changes");
    }

    @Test
    void unreachableHubFailsTheReads() throws IOException {
        Path gone = Files.writeString(dir.resolve("gone.yaml"),
                Files.readString(hub).replace(clusters.hub, "http://127.0.0.1:1"));

        Run plan = Run.adxfed("plan", "-f", gone.toString());

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.out()).contains("// failed: hub.showDatabases failed on http://127.0.0.1:1")
                .contains("// ERROR: the hub could not be read in full").doesNotContain("IN SYNC");
        assertThat(plan.err()).contains("some reads failed");
    }

    @Test
    void withNoLivePartitionPlanAndStatusGiveTheSameVerdict() throws IOException {
        Path quiet = Files.writeString(dir.resolve("quiet.yaml"),
                Files.readString(hub).replace("heartbeatTable: Heartbeat", "heartbeatTable: Quiet"));
        Run sync = Run.adxfed("sync", "-f", quiet.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.out()).as("no partition heartbeats into that table").contains("0 partition(s) live");

        Run plan = Run.adxfed("plan", "-f", quiet.toString(), "-o", "markdown");
        Run status = Run.adxfed("status", "-f", quiet.toString());

        String verdict = "NOT IN SYNC: no live partition, so the operator changes nothing";
        assertThat(plan.out()).as(plan.toString()).contains(verdict).doesNotContain("IN SYNC: a sync would send nothing");
        assertThat(status.out()).as(status.toString()).contains(verdict);
    }
}
