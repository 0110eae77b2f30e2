package dev.adxfed.operator.controller;

import dev.adxfed.operator.provision.ArmSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the operator runs.
 *
 * @param kubeconfig        a kubeconfig file, or null for fabric8's defaults (in-cluster service account,
 *                          else KUBECONFIG or ~/.kube/config)
 * @param namespaces        namespaces whose ADXClusters to reconcile; empty for all
 * @param heartbeatInterval how often a Partition heartbeats
 * @param federationInterval how often a Federated cluster is brought in step
 * @param clusterLabels     labels criteriaExpression sees (region, environment, cloud, ...)
 * @param leaseName         the coordination.k8s.io Lease held by the replica that reconciles; null for no
 *                          leader election
 * @param leaseNamespace    the Lease's namespace; null for the client's namespace (in a pod: its own)
 * @param metricsPort       serves /metrics; 0 picks a free port
 * @param healthPort        serves /livez, /readyz and /healthz; may equal metricsPort
 * @param arm               where and how spec.provision reaches Azure Resource Manager
 * @param runtime           how many passes run at once, how the Lease is held and how long a stop waits
 */
public record OperatorSettings(Path kubeconfig, List<String> namespaces, Duration heartbeatInterval,
                               Duration federationInterval, Map<String, String> clusterLabels, String leaseName,
                               String leaseNamespace, int metricsPort, int healthPort, ArmSettings arm,
                               RuntimeLimits runtime) {

    public static final String DEFAULT_LEASE = "adxfed-operator";
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public OperatorSettings {
        namespaces = List.copyOf(namespaces);
        clusterLabels = Map.copyOf(clusterLabels);
        interval("heartbeat interval", heartbeatInterval);
        interval("federation interval", federationInterval);
        for (String name : clusterLabels.keySet()) {
            if (!LABEL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("cluster label '" + name + "' is not a CEL variable name"
                        + " (letters, digits and _, not starting with a digit)");
            }
        }
        port("metrics port", metricsPort);
        port("health port", healthPort);
        if (runtime == null) {
            throw new IllegalArgumentException("runtime limits must be given");
        }
    }

    /** The longer of the two intervals: no resource waits longer than this for a pass, whatever happened to the last. */
    public Duration longestInterval() {
        return heartbeatInterval.compareTo(federationInterval) >= 0 ? heartbeatInterval : federationInterval;
    }

    static void interval(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    private static void port(String what, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(what + " must be between 0 and 65535, got " + value);
        }
    }
}
