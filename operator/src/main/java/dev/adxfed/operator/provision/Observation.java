package dev.adxfed.operator.provision;

import dev.adxfed.operator.arm.KustoCluster;

import java.util.Set;

/**
 * What Azure Resource Manager showed of a target before anything is decided.
 *
 * @param providerRegistered null when the identity may not read the subscription's providers (then it is not touched)
 * @param resourceGroupExists null when the identity may not read the resource group (then it is not touched)
 * @param databases the cluster's databases; empty when the cluster is not there or may not be read
 */
public record Observation(Boolean providerRegistered, Boolean resourceGroupExists, ClusterSeen cluster, Set<String> databases) {

    /** The cluster's URI when it exists and is Running; else null. */
    public String endpoint() {
        return cluster instanceof ClusterSeen.Present present && KustoCluster.RUNNING.equals(present.cluster().state())
                ? present.cluster().uri() : null;
    }

    /** The cluster as ARM answered for it. */
    public sealed interface ClusterSeen {

        /** No cluster of that name in the resource group; {@code nameAvailable} false when someone else has the name. */
        record Absent(boolean nameAvailable, String reason) implements ClusterSeen {}

        /** 403 on reading it: it counts as existing (as in adx-mon), and nothing is changed. */
        record Forbidden(String message) implements ClusterSeen {}

        record Present(KustoCluster cluster) implements ClusterSeen {}
    }
}
