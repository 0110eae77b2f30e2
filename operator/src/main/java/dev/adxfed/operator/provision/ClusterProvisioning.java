package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.federation.Hub;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The provisioning step of a reconcile, for the operator and {@code adxfed sync} alike: runs first, and
 * gives the role's pass its endpoint and, on a provisioned hub, databases made through ARM.
 */
public final class ClusterProvisioning {

    private final ArmClient arm;
    private final Duration wait;

    public ClusterProvisioning(ArmClient arm, Duration wait) {
        this.arm = arm;
        this.wait = wait;
    }

    public static ClusterProvisioning of(ArmSettings settings) {
        return new ClusterProvisioning(settings.client(), settings.passWait());
    }

    /**
     * @param heartbeatDatabase the Federated cluster's heartbeat database (made with the others), or null
     * @throws IllegalArgumentException when spec.provision lacks required fields (all of them named)
     */
    public ProvisionResult provision(ADXCluster cluster, String heartbeatDatabase, Consumer<String> progress) {
        ADXClusterSpec spec = cluster.getSpec();
        ProvisionTarget target = ProvisionTarget.of(spec, heartbeatDatabase);
        String known = cluster.getStatus() != null && cluster.getStatus().endpoint != null
                ? cluster.getStatus().endpoint : spec.endpoint;
        return new Provisioner(arm).run(target, cluster.getStatus() == null ? null : cluster.getStatus().appliedProvisionState,
                known, wait, progress);
    }

    /** What provisioning would do, and what it saw, sending nothing: for {@code adxfed plan}. */
    public record Preview(ProvisionPlan plan, Observation seen) {}

    public Preview plan(ADXCluster cluster, String heartbeatDatabase) {
        ProvisionTarget target = ProvisionTarget.of(cluster.getSpec(), heartbeatDatabase);
        Observation seen = new Provisioner(arm).observe(target);
        return new Preview(ProvisionPlan.of(target, cluster.getStatus() == null ? null
                : cluster.getStatus().appliedProvisionState, seen), seen);
    }

    /** A provisioned hub makes the databases its partitions need through ARM; any other keeps Kusto's command. */
    public Hub hub(Hub hub, ADXClusterSpec spec) {
        if (spec.provision == null) {
            return hub;
        }
        return hub.withDatabases(new ArmHubDatabases(arm, ProvisionTarget.of(spec, hub.heartbeatTable().database()), wait));
    }

    public ArmClient arm() {
        return arm;
    }
}
