package dev.adxfed.operator.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        assertThat(out).contains("// hub (" + clusters.hub + "): 2 partition(s) heartbeating within PT10M")
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
        assertThat(plan.out()).contains("// in step: a sync would send nothing").doesNotContain(".execute");
    }

    @Test
    void partitionFileIsRefusedWithItsRole() throws IOException {
        Path partition = Files.writeString(dir.resolve("eastus.yaml"),
                EmulatedFederation.partition("eastus", clusters.eastus, clusters.hub));

        Run plan = Run.adxfed("plan", "-f", partition.toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).contains("ADXCluster eastus has role Partition; plan works on Federated clusters");
    }

    @Test
    void unreachableHubFailsTheReads() throws IOException {
        Path gone = Files.writeString(dir.resolve("gone.yaml"),
                Files.readString(hub).replace(clusters.hub, "http://127.0.0.1:1"));

        Run plan = Run.adxfed("plan", "-f", gone.toString());

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.out()).contains("// failed: hub.showDatabases failed on http://127.0.0.1:1");
        assertThat(plan.err()).contains("some reads failed");
    }
}
