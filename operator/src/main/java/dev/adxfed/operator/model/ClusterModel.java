package dev.adxfed.operator.model;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.ProvisionSpec;
import dev.adxfed.operator.federation.FederationSettings;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.heartbeat.HeartbeatTable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ADXCluster checked once and with every default filled in, as the command line and the operator
 * both act on it: a partition, a hub, or the problems that make the resource one neither can act on.
 * Both doors call {@link #of}, so that they accept and refuse the same resources in the same words.
 */
public sealed interface ClusterModel {

    /** The resource's name. */
    String name();

    /**
     * A partition: where it heartbeats. No targets is valid (a bring-your-own cluster outside any
     * federation), and the pass then has nothing to send.
     *
     * @param endpoint the cluster's URL: spec.endpoint, or status.endpoint once provisioning made it;
     *                 empty while a cluster described by spec.provision does not exist yet
     */
    record Partition(String name, Optional<String> endpoint, Optional<ProvisionSpec> provision,
                     Map<String, String> partitioning, List<FederatedTarget> targets) implements ClusterModel {}

    /** A hub: where its partitions heartbeat and how it federates them. */
    record Federated(String name, Optional<String> endpoint, Optional<ProvisionSpec> provision,
                     HeartbeatTable heartbeatTable, Duration heartbeatTtl, FederationSettings settings)
            implements ClusterModel {

        /** The hub as a federation pass takes it, at the endpoint in use. */
        public Hub hub(String endpoint) {
            return new Hub(endpoint, heartbeatTable, heartbeatTtl, settings);
        }
    }

    /** A resource that contradicts itself or lacks what its role needs; nothing may be sent for it. */
    record Invalid(String name, List<SpecProblem> problems) implements ClusterModel {

        public Invalid {
            problems = List.copyOf(problems);
        }

        /** Every problem on one line, for a status condition or a log line. */
        public String message() {
            return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
        }
    }

    /** The resource's model, or {@link Invalid} naming every field that is wrong. */
    static ClusterModel of(ADXCluster cluster) {
        return ClusterRules.check(cluster);
    }
}
