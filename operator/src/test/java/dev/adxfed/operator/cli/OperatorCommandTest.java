package dev.adxfed.operator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's own errors, before it touches Kubernetes. (The reconciler itself is tested in the controller package.) */
class OperatorCommandTest {

    @TempDir
    Path dir;

    @Test
    void labelThatIsNotACelNameIsRefused() {
        Run run = Run.adxfed("operator", "--no-leader-election", "--cluster-labels", "tier=1,2fast=yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cluster label '2fast' is not a CEL variable name");
    }

    @Test
    void leaderElectionOutsideAPodNeedsItsNamespace() throws IOException {
        assertThat(Files.exists(OperatorOptions.POD_NAMESPACE_FILE)).as("tests run outside a pod").isFalse();

        Run run = Run.adxfed("operator", "--kubeconfig", write("kubeconfig").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("leader election needs --leader-election-namespace when the operator runs outside a Kubernetes pod");
    }

    @Test
    void badIntervalAndMissingKubeconfigAreNamed() {
        Run interval = Run.adxfed("operator", "--heartbeat-interval", "10 minutes");
        Run kubeconfig = Run.adxfed("operator", "--no-leader-election", "--kubeconfig", dir.resolve("none").toString());

        assertThat(interval.exitCode()).isEqualTo(2);
        assertThat(interval.err()).contains("--heartbeat-interval").contains("'10 minutes' is not hours, minutes and seconds like 30s, 10m or 1h30m");
        assertThat(kubeconfig.exitCode()).isEqualTo(2);
        assertThat(kubeconfig.err()).contains("--kubeconfig: cannot read " + dir.resolve("none"));
    }

    private Path write(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "apiVersion: v1\nkind: Config\n");
    }
}
