package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterFileTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cluster.yaml"), yaml);
    }

    private static final String HUB = """
            apiVersion: adx-mon.azure.com/v1
            kind: ADXCluster
            metadata:
              name: hub
            spec:
              clusterName: hub
              endpoint: http://127.0.0.1:8080
              role: Federated
              federation:
                heartbeatDatabase: FederationHeartbeats
                heartbeatTable: Heartbeat
                heartbeatTTL: 1h
            """;

    @Test
    void readsTheRepositorysExamples() {
        List<ADXCluster> hub = ClusterFile.read(RepositoryRoot.path("deploy/examples/federated.yaml"));
        List<ADXCluster> partition = ClusterFile.read(RepositoryRoot.path("deploy/examples/partition.yaml"));

        assertThat(hub).singleElement().satisfies(c -> assertThat(c.getSpec().effectiveRole()).isEqualTo(ClusterRole.Federated));
        assertThat(partition.get(0).getSpec().federation.federatedTargets).hasSize(1);
    }

    @Test
    void readsEveryDocumentOfAFile() throws IOException {
        Path f = file(HUB + "---\n" + HUB.replace("name: hub", "name: hub2"));

        assertThat(ClusterFile.read(f)).extracting(c -> c.getMetadata().getName()).containsExactly("hub", "hub2");
    }

    @Test
    void unknownFieldIsNamedWithItsLine() throws IOException {
        Path f = file(HUB.replace("heartbeatTTL: 1h", "heartbeatTtl: 1h"));

        assertThatThrownBy(() -> ClusterFile.read(f)).isInstanceOf(CommandFailure.class)
                .hasMessage(f + ":12: unknown field spec.federation.heartbeatTtl");
    }

    @Test
    void valueBreakingTheSchemaIsNamedWithItsLineAndField() throws IOException {
        Path f = file(HUB.replace("heartbeatTTL: 1h", "heartbeatTTL: 90 minutes").replace("role: Federated", "role: Hub"));

        assertThatThrownBy(() -> ClusterFile.read(f)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining(f + ":8: spec.role: ")
                .hasMessageContaining(f + ":12: spec.federation.heartbeatTTL: ")
                .hasMessageContaining(f + ":12: spec.federation.heartbeatTTL: is not hours, minutes and seconds like 30s,"
                        + " 10m or 1h30m (found '90 minutes')")
                .hasMessageContaining("(found 'Hub')");
    }

    @Test
    void missingRequiredFieldIsPlacedAtItsObject() throws IOException {
        Path f = file(HUB.replace("role: Federated\n", "role: Partition\n") + """
                    federatedTargets:
                      - endpoint: http://127.0.0.1:8081
                        heartbeatDatabase: FederationHeartbeats
                """);

        assertThatThrownBy(() -> ClusterFile.read(f))
                .hasMessage(f + ":14: spec.federation.federatedTargets[0]: required property 'heartbeatTable' not found");
    }

    @Test
    void otherKindsBadYamlAndMissingFilesAreRefused() throws IOException {
        Path configMap = file("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        assertThatThrownBy(() -> ClusterFile.read(configMap))
                .hasMessage(configMap + ":1: not an ADXCluster: apiVersion must be adx-mon.azure.com/v1 and kind ADXCluster, found v1 ConfigMap");

        Path broken = file(HUB + "  heartbeatTable: [unclosed\n");
        assertThatThrownBy(() -> ClusterFile.read(broken)).hasMessageStartingWith(broken + ":").hasMessageContaining("not valid YAML");

        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ClusterFile.read(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void zeroTtlIsNamedWithItsLineAsAnyOtherBadValue() throws IOException {
        Path f = file(HUB.replace("heartbeatTTL: 1h", "heartbeatTTL: 0m"));

        assertThatThrownBy(() -> ClusterFile.read(f)).isInstanceOf(CommandFailure.class)
                .hasMessage(f + ":12: spec.federation.heartbeatTTL: '0m' is zero; give a positive duration like 1h")
                .extracting(e -> ((CommandFailure) e).exitCode()).isEqualTo(CommandFailure.USAGE);
    }

    @Test
    void partitionGivenAHubsRoleIsRefusedNamingBothFields() throws IOException {
        Path f = file(HUB.replace("    heartbeatTTL: 1h\n", "") + """
                    federatedTargets:
                      - endpoint: http://127.0.0.1:8081
                        heartbeatDatabase: FederationHeartbeats
                        heartbeatTable: Heartbeat
                """);

        assertThatThrownBy(() -> ClusterFile.read(f)).hasMessage(f + ":13: spec.federation.federatedTargets: is a"
                + " Partition's setting, but spec.role is Federated: a hub does not heartbeat; remove federatedTargets,"
                + " or make this a Partition");
    }

    @Test
    void hubFileWithoutRoleIsRefusedNotIgnored() throws IOException {
        Path f = file(HUB.replace("  role: Federated\n", ""));

        assertThatThrownBy(() -> ClusterFile.read(f)).hasMessage(String.join("\n",
                f + ":9: spec.federation.heartbeatDatabase: is a Federated cluster's setting, but spec.role is Partition"
                        + " (the default when spec.role is unset): set spec.role: Federated for a hub, or remove"
                        + " heartbeatDatabase from a partition",
                f + ":10: spec.federation.heartbeatTable: is a Federated cluster's setting, but spec.role is Partition"
                        + " (the default when spec.role is unset): set spec.role: Federated for a hub, or remove"
                        + " heartbeatTable from a partition"));
    }

    @Test
    void hubWithoutItsHeartbeatTableIsRefusedAsInKubernetes() throws IOException {
        Path f = file(HUB.replace("    heartbeatDatabase: FederationHeartbeats\n", ""));

        assertThatThrownBy(() -> ClusterFile.read(f)).hasMessage(f + ":10: spec.federation.heartbeatDatabase: is required:"
                + " the database where partitions heartbeat");
    }
}
