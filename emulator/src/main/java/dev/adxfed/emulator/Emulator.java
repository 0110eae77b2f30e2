package dev.adxfed.emulator;

import dev.adxfed.emulator.EmulatorConfig.ClusterConfig;
import dev.adxfed.emulator.arm.ArmEndpoint;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.faults.FaultSwitch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The emulator: several virtual Kusto clusters in one process, each on its own port, and a local Azure
 * Resource Manager for Microsoft.Kusto that provisions more at run time. For tests:
 * <pre>
 * try (Emulator emulator = Emulator.startClusters(2)) {
 *     Client client = ClientFactory.createClient(new ConnectionStringBuilder(emulator.endpoint().toString()));
 *     ...
 * }
 * </pre>
 */
public final class Emulator implements AutoCloseable {

    private final ClusterHost host;
    private ArmEndpoint arm;

    private Emulator(ClusterHost host) {
        this.host = host;
    }

    /** Starts {@code n} clusters with the sample databases, on free ports, in memory. */
    public static Emulator startClusters(int n) throws IOException {
        return start(EmulatorConfig.sample(n));
    }

    /** Starts the clusters of {@code config} and the ARM endpoint; if any fails to start, none is left running. */
    public static Emulator start(EmulatorConfig config) throws IOException {
        if (config.clusters().isEmpty()) {
            throw new IllegalArgumentException("the configuration lists no clusters");
        }
        Emulator emulator = new Emulator(new ClusterHost(config.host(), config.dataDir()));
        try {
            for (ClusterConfig cluster : config.clusters()) {
                emulator.host.start(cluster);
            }
            emulator.arm = ArmEndpoint.start(emulator.host, config.host(), config.arm().port(),
                    Duration.ofMillis(config.arm().provisioningDelayMillis()));
            return emulator;
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** Every cluster running now: the configured ones first, then those ARM provisioned, in the order they started. */
    public List<VirtualCluster> clusters() {
        return host.clusters();
    }

    public Optional<VirtualCluster> cluster(String name) {
        return host.cluster(name);
    }

    /**
     * The fault switch of the named cluster, to make it fail in tests, e.g.
     * {@code emulator.faults("hub").inject(Fault.throttle().matching("^\\.show entity_groups").times(1))}.
     */
    public FaultSwitch faults(String clusterName) {
        return cluster(clusterName).map(VirtualCluster::faults)
                .orElseThrow(() -> new IllegalArgumentException("no cluster is named '" + clusterName + "'"));
    }

    /** The endpoint of the first cluster. */
    public URI endpoint() {
        return host.clusters().get(0).endpoint();
    }

    /** Every cluster of this process, as {@code cluster('...')} resolves them. */
    public ClusterDirectory directory() {
        return host.directory();
    }

    /**
     * The local Azure Resource Manager: its provisioning delay ({@code arm().provisioningDelay(Duration.ZERO)})
     * and its fault switch ({@code arm().faults()}).
     */
    public ArmEndpoint arm() {
        return arm;
    }

    /** The base URL of the local Azure Resource Manager, in place of {@code https://management.azure.com}. */
    public URI armEndpoint() {
        return arm.endpoint();
    }

    @Override
    public void close() {
        if (arm != null) {
            arm.close();
        }
        host.close();
    }
}
