package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.provision.ArmStep;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.provision.ArmSettings;
import dev.adxfed.operator.provision.ClusterProvisioning;

import java.io.PrintWriter;

/**
 * The Azure part of {@code adxfed plan}: for a hub with spec.provision, what a sync would create or change
 * in Azure Resource Manager, read and printed without sending anything, and the endpoint to dry-run on.
 */
final class AzurePlan {

    private final ArmSettings settings;
    private final PrintWriter out;
    private final boolean print;
    private ClusterProvisioning provisioning;

    AzurePlan(ArmSettings settings, PrintWriter out, boolean print) {
        this.settings = settings;
        this.out = out;
        this.print = print;
    }

    /**
     * The endpoint to dry-run on: spec.endpoint, or the cluster spec.provision made once it exists (null while it
     * does not); with spec.provision, what a sync would do in Azure is printed first.
     */
    String endpoint(ADXCluster cluster) {
        if (cluster.getSpec().provision == null) {
            return ClusterPass.endpoint(cluster);
        }
        boolean federated = cluster.getSpec().effectiveRole() == ClusterRole.Federated;
        ClusterProvisioning.Preview preview = provisioning().plan(cluster, federated
                ? ClusterPass.hub(cluster, cluster.getSpec().endpoint).heartbeatTable().database() : null);
        String name = cluster.getMetadata().getName();
        if (print) {
            out.printf("// %s in Azure (%s): %s%n", name, settings.endpoint(), preview.plan().steps().isEmpty()
                    && preview.plan().blocked() == null ? "in step: a sync would change nothing" : "a sync would");
            if (preview.plan().blocked() != null) {
                out.println("//   not possible: " + preview.plan().blocked());
            }
            for (ArmStep step : preview.plan().steps()) {
                out.println("//   " + step.describe());
            }
            preview.plan().notes().forEach(note -> out.println("//   left alone: " + note));
        }
        String endpoint = preview.seen().endpoint() != null ? preview.seen().endpoint() : cluster.getSpec().endpoint;
        if (endpoint == null && print) {
            out.printf("// %s: no running cluster yet; nothing more to plan until it exists%n", name);
        }
        return endpoint;
    }

    /** The hub a Federated cluster's dry run works on, at {@link #endpoint}: its databases made through ARM when provisioned. */
    Hub hub(ADXCluster cluster, String endpoint) {
        Hub hub = ClusterPass.hub(cluster, endpoint);
        return cluster.getSpec().provision == null ? hub : provisioning().hub(hub, cluster.getSpec());
    }

    private ClusterProvisioning provisioning() {
        if (provisioning == null) {
            provisioning = ClusterProvisioning.of(settings);
        }
        return provisioning;
    }
}
