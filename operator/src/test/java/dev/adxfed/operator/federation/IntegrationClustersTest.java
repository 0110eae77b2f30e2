package dev.adxfed.operator.federation;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The integration suite refuses clusters it could harm, before it creates anything. */
class IntegrationClustersTest {

    @Test
    void partitionsHoldingDatabasesOfTheirOwnAreRefusedNamingThemAndNothingIsCreated() throws Exception {
        EmulatorConfig sample = EmulatorConfig.sample(2);
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(sample.clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        try (Emulator emulator = Emulator.start(new EmulatorConfig(sample.host(), clusters, null))) {
            IntegrationTarget target = IntegrationTarget.of(Map.of(
                    IntegrationTarget.HUB, emulator.cluster("hub").orElseThrow().url(),
                    IntegrationTarget.PARTITIONS, emulator.clusters().get(0).url() + "," + emulator.clusters().get(1).url()));
            KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));

            assertThatThrownBy(() -> IntegrationClusters.start(target, kusto))
                    .hasMessageContaining("partition " + emulator.clusters().get(0).url() + " holds databases that are not the suite's: [Logs, Metrics]")
                    .hasMessageContaining("ADXFED_IT_DATABASES");
            assertThat(emulator.clusters().get(0).catalog().snapshot().databases()).containsOnlyKeys("Logs", "Metrics");
            assertThat(emulator.cluster("hub").orElseThrow().catalog().snapshot().databases()).isEmpty();
        }
    }

    @Test
    void preCreatedDatabasesMissingOnThePartitionsAreNamed() throws Exception {
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>();
        for (String name : List.of("p1", "p2", "hub")) {
            clusters.add(new EmulatorConfig.ClusterConfig(name, 0, List.of(new EmulatorConfig.DatabaseConfig("It1", null, null, null))));
        }
        try (Emulator emulator = Emulator.start(new EmulatorConfig(null, clusters, null))) {
            IntegrationTarget target = IntegrationTarget.of(Map.of(
                    IntegrationTarget.HUB, emulator.cluster("hub").orElseThrow().url(),
                    IntegrationTarget.PARTITIONS, emulator.clusters().get(0).url() + "," + emulator.clusters().get(1).url(),
                    IntegrationTarget.DATABASES, "It1,It2",
                    IntegrationTarget.HEARTBEAT_DATABASE, "ItHeartbeats"));

            assertThatThrownBy(() -> IntegrationClusters.start(target, new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)))))
                    .hasMessageContaining("lacks [It2] of ADXFED_IT_DATABASES");
        }
    }
}
