package dev.adxfed.operator.cli;

import dev.adxfed.emulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SyncCommandTest {

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

    @Test
    void heartbeatsThenFederationBuildTheGroupsOnTheHub() throws IOException {
        Path hub = clusters.hubFile(dir);
        Path partitions = clusters.partitionsFile(dir, clusters.hub);

        Run first = Run.adxfed("sync", "-f", hub.toString());
        Run heartbeats = Run.adxfed("sync", "-f", partitions.toString());
        Run federation = Run.adxfed("sync", "-f", hub.toString());
        Run again = Run.adxfed("sync", "-f", hub.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("federation  hub").contains("0 partition(s) live").contains("table.create 2");
        assertThat(heartbeats.exitCode()).as(heartbeats.toString()).isZero();
        assertThat(heartbeats.out()).containsPattern("(?m)^heartbeat +eastus +sent to 1 of 1 target\\(s\\); schema: 2 database\\(s\\)")
                .containsPattern("(?m)^heartbeat +westeurope +sent to 1 of 1 target\\(s\\)");
        assertThat(federation.exitCode()).as(federation.toString()).isZero();
        assertThat(federation.out()).contains("2 partition(s) live").contains("partitions per database: Logs 2, Metrics 2")
                .contains("entityGroup.create");
        assertThat(again.out()).as("an unchanged hub gets no DDL").contains("sent 0 command(s)");

        Run group = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "Metrics", ".show entity_group Metrics_Partitions");
        assertThat(group.out()).contains("Metrics_Partitions").contains("(1 row)");
        Run members = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "Metrics",
                "Cpu | summarize Rows = count()");
        assertThat(members.out()).as(members.toString()).containsPattern("(?m)^ *48$");
    }

    @Test
    void unreachableTargetIsReportedAndTheExitCodeSaysSo() throws IOException {
        String closed = EmulatedFederation.closedEndpoint();
        Path partitions = clusters.partitionsFile(dir, closed);

        Run run = Run.adxfed("sync", "-f", partitions.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("sent to 0 of 1 target(s)").contains("  failed  " + closed + ": heartbeat.ingest");
        assertThat(run.err()).isEqualTo("adxfed sync: 2 of 2 ADXCluster pass(es) had failures (listed above)\n");
    }

    @Test
    void anUnreachablePartitionIsSaidOnceWithWhatToCheck() throws IOException {
        String closed = EmulatedFederation.closedEndpoint();
        Path partition = Files.writeString(dir.resolve("gone.yaml"), EmulatedFederation.partition("gone", closed, clusters.hub));

        Run run = Run.adxfed("sync", "-f", partition.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("heartbeat   gone             sent to 0 of 1 target(s); schema: never read; 1 round"
                + " trip(s) to the partition\n  failed  schema: schema.showDatabases failed on " + closed
                + ": connection refused: check the endpoint and that the cluster is running\n");
    }

    @Test
    void badFieldIsNamedWithFileAndLineAndNothingRuns() throws IOException {
        Path hub = clusters.hubFile(dir);
        Files.writeString(hub, Files.readString(hub).replace("heartbeatTTL: 10m", "heartbeatTtl: 10m"));

        Run run = Run.adxfed("sync", "-f", hub.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("adxfed sync: " + hub + ":12: unknown field spec.federation.heartbeatTtl\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void clusterWithoutEndpointAndMissingFileAreUsageErrors() throws IOException {
        Path noEndpoint = Files.writeString(dir.resolve("p.yaml"),
                EmulatedFederation.partition("p", clusters.eastus, clusters.hub).replaceAll("(?m)^  endpoint: .*\\n", ""));

        Run run = Run.adxfed("sync", "-f", noEndpoint.toString());
        Run missing = Run.adxfed("sync", "-f", dir.resolve("nope.yaml").toString());
        Run noFile = Run.adxfed("sync");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("p.yaml:6: spec.endpoint: is empty: give the URL of an existing cluster, or"
                + " spec.provision to have the cluster made in Azure");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: no such file");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("Missing required option: '--file=FILE'");
    }

    @Test
    void aDatabaseTheHubRefusesToCreateLeavesTheHubNotInStepForSyncAndStatusAlike() throws IOException {
        Path hub = clusters.hubFile(dir);
        assertThat(Run.adxfed("sync", "-f", hub.toString()).exitCode()).isZero();
        clusters.emulator.cluster("hub").orElseThrow().faults().inject(
                Fault.kustoError("BadRequest_Forbidden", "databases are made in Azure (injected)").matching("^\\.create database Audit"));
        clusters.heartbeat("https://pa.example.net", Instant.now(), "Audit", "Events");
        clusters.heartbeat("https://pb.example.net", Instant.now(), "Metrics", "Cpu");

        Run sync = Run.adxfed("sync", "-f", hub.toString());
        Run status = Run.adxfed("status", "-f", hub.toString());

        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(CommandFailure.FAILED);
        assertThat(sync.out()).contains("  missing database Audit on the hub, which refused to create it: create it in Azure");
        assertThat(sync.err()).contains("1 of 1 ADXCluster pass(es) had failures (listed above)");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(CommandFailure.FAILED);
        assertThat(status.out()).contains("NOT IN SYNC");
        Run groups = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "Metrics", ".show entity_groups");
        assertThat(groups.out()).as("the databases the hub has are federated all the same").contains("Metrics_Partitions");
    }

    @Test
    void aHubNeverSyncedIsNotSetUpYetForEveryCommandUntilItsFirstSync() throws IOException {
        Path hub = clusters.hubFile(dir);
        Path partitions = clusters.partitionsFile(dir, clusters.hub);

        Run early = Run.adxfed("sync", "-f", partitions.toString());
        Run status = Run.adxfed("status", "-f", hub.toString());
        Run plan = Run.adxfed("plan", "-f", hub.toString());

        assertThat(early.exitCode()).as(early.toString()).isEqualTo(CommandFailure.NOT_SET_UP);
        assertThat(early.out()).contains("not set up " + clusters.hub + ": the hub has no heartbeat table"
                + " FederationHeartbeats.Heartbeat yet (it is not set up): sync the hub first");
        assertThat(early.err()).contains("found a hub not set up yet").doesNotContain("unexpected");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(CommandFailure.NOT_SET_UP);
        assertThat(status.out()).contains("NOT SET UP YET").doesNotContain("ERROR");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("// NOT SET UP YET").contains(".create database FederationHeartbeats")
                .contains(".create-merge table Heartbeat").contains(".create-merge table AdxfedOwnership")
                .as("the hub gives its heartbeat table's Schema column 32 MB")
                .contains(".alter column Heartbeat.Schema policy encoding type='BigObject32'");
        Run databases = Run.adxfed("query", "--endpoint", clusters.hub, "--database", "NetDefaultDB", ".show databases");
        assertThat(databases.out()).as("nothing was made").doesNotContain("FederationHeartbeats");

        Run both = Run.adxfed("sync", "-f", partitions.toString(), "-f", hub.toString());

        assertThat(both.exitCode()).as("the hub is synced first, whatever the order of the files: " + both).isZero();
        assertThat(both.out()).containsPattern("(?s)federation  hub.*heartbeat   eastus +sent to 1 of 1");
    }
}
