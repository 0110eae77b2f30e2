package dev.adxfed.operator.federation;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One of three partitions taken down (its port refuses connections, and cross-cluster calls to it fail
 * as to a host that is down) while the hub is queried through the official SDK: under the default
 * settings the federated functions answer with the other two partitions' rows and Kusto's partial-result
 * warning; with {@code unreachablePartitions: fail} the query fails.
 */
class OutageAgainstEmulatorTest {

    static Emulator emulator;
    static List<VirtualCluster> partitions;
    static VirtualCluster hubCluster;
    static final KustoClients CLIENTS = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30)));

    @BeforeAll
    static void start() throws Exception {
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(EmulatorConfig.sample(3).clusters());
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of()));
        emulator = Emulator.start(new EmulatorConfig(EmulatorConfig.sample(1).host(), clusters, null));
        partitions = emulator.clusters().subList(0, 3);
        hubCluster = emulator.clusters().get(3);
        FederatedTarget target = HubTarget.of(hubCluster.url(), "FederationHeartbeats");
        new FederationPass(CLIENTS).run(hub(FederationSettings.defaults()));
        for (VirtualCluster partition : partitions) {
            assertThat(new HeartbeatSender(CLIENTS, Clock.systemUTC()).send(partition.url(), Map.of(), List.of(target))
                    .failures()).isEmpty();
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Hub hub(FederationSettings settings) {
        return new Hub(hubCluster.url(), new HeartbeatTable("FederationHeartbeats", "Heartbeat"), Duration.ofHours(1), settings);
    }

    static long cpuRows(VirtualCluster partition) {
        return count(CLIENTS.connect(partition.url(), null), "Metrics", "Cpu | count");
    }

    /** The warnings of the hub's answer, as the SDK reads them from QueryCompletionInformation. */
    static List<String> warnings(String query) throws Exception {
        Client client = ClientFactory.createClient(new ConnectionStringBuilder(hubCluster.url()));
        KustoOperationResult result = client.executeQuery("Metrics", query, null);
        List<String> warnings = new ArrayList<>();
        for (KustoResultSetTable table : result.getResultTables()) {
            if (table.getTableKind() == WellKnownDataSet.QueryCompletionInformation) {
                table.getData().stream().filter(row -> "Warning".equals(row.get(6))).forEach(row -> warnings.add(String.valueOf(row.get(11))));
            }
        }
        return warnings;
    }

    @Test
    void withOnePartitionDownTheDefaultAnswersWithTheOthersAndAWarningAndTheStrictSettingFails() throws Exception {
        FederationReport tolerant = new FederationPass(CLIENTS).run(hub(FederationSettings.defaults()));
        assertThat(tolerant.failureMessages()).isEmpty();
        long others = cpuRows(partitions.get(1)) + cpuRows(partitions.get(2));
        long all = others + cpuRows(partitions.get(0));
        var hubKusto = CLIENTS.connect(hubCluster.url(), null);
        assertThat(count(hubKusto, "Metrics", "Cpu | count")).isEqualTo(all);
        assertThat(warnings("Cpu | count")).isEmpty();

        partitions.get(0).faults().inject(Fault.unreachable());
        try {
            assertThat(count(hubKusto, "Metrics", "Cpu | count")).as("the other two partitions' rows").isEqualTo(others);
            assertThat(warnings("Cpu | count")).singleElement().asString().contains(partitions.get(0).url());

            FederationReport strict = new FederationPass(CLIENTS).run(hub(new FederationSettings("{database}_Partitions",
                    true, false)));
            assertThat(strict.failureMessages()).as("the functions are written with a partition down").isEmpty();
            assertThat(strict.completed()).containsEntry("function.createOrAlter", 4);
            assertThatThrownBy(() -> count(hubKusto, "Metrics", "Cpu | count")).isInstanceOf(KustoException.class)
                    .hasMessageContaining("SEM0056").hasMessageContaining(partitions.get(0).url());
        } finally {
            partitions.get(0).faults().clear();
        }
        assertThat(count(hubKusto, "Metrics", "Cpu | count")).as("strict, with every partition up").isEqualTo(all);
    }
}
