package dev.adxfed.operator.cli;

import dev.adxfed.operator.controller.OperatorSettings;
import dev.adxfed.operator.controller.RuntimeLimits;
import dev.adxfed.operator.provision.ArmSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code adxfed operator}: where the Kubernetes API is, which namespaces to watch,
 * how often each role runs, the labels criteriaExpression sees, the HTTP ports, leader election, how many
 * passes run at once and how long a stop waits for them.
 * deploy/operator/deployment.yaml passes these; a test checks that every argument there is one of them.
 */
final class OperatorOptions {

    /** Where Kubernetes mounts the pod's namespace; absent outside a cluster. */
    static final Path POD_NAMESPACE_FILE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to use (default: the in-cluster service account, else KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--namespaces", split = ",", paramLabel = "NS",
            description = "Namespaces whose ADXClusters to reconcile, comma-separated (default: all namespaces).")
    List<String> namespaces = List.of();

    @Option(names = "--heartbeat-interval", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How often a Partition ADXCluster heartbeats into its federated targets (default: ${DEFAULT-VALUE}).")
    Duration heartbeatInterval;

    @Option(names = "--federation-interval", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How often a Federated ADXCluster brings its entity groups and functions in step (default: ${DEFAULT-VALUE}).")
    Duration federationInterval;

    @Option(names = "--region", paramLabel = "REGION", description = "This cluster's region label for criteriaExpression, e.g. westeurope.")
    String region;

    @Option(names = "--environment", paramLabel = "ENV", description = "This cluster's environment label for criteriaExpression, e.g. prod.")
    String environment;

    @Option(names = "--cloud", paramLabel = "CLOUD", description = "This cluster's cloud label for criteriaExpression, e.g. AzureCloud.")
    String cloud;

    @Option(names = "--cluster-labels", split = ",", paramLabel = "KEY=VALUE",
            description = "More labels for criteriaExpression, e.g. team=observability,tier=1; each is a string variable there.")
    Map<String, String> clusterLabels = new LinkedHashMap<>();

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port serving /metrics for Prometheus; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port serving the probes /livez, /readyz and /healthz (as /readyz); may equal --metrics-port"
                    + " (default: ${DEFAULT-VALUE}).")
    int healthPort;

    @Option(names = "--max-concurrent-reconciles", paramLabel = "N",
            defaultValue = "" + RuntimeLimits.DEFAULT_MAX_CONCURRENT_RECONCILES,
            description = "Passes that may run at once; each federation pass holds its hub's heartbeats and plan in"
                    + " memory, so this bounds the heap (see docs/operator.md for the sizing) (default: ${DEFAULT-VALUE}).")
    int maxConcurrentReconciles;

    @Option(names = "--lease-duration", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "How long the Lease holds without renewal before another replica may take it (default: ${DEFAULT-VALUE}).")
    Duration leaseDuration;

    @Option(names = "--lease-renew-deadline", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long the leader keeps trying to renew the Lease before it gives it up and exits; shorter"
                    + " than --lease-duration (default: ${DEFAULT-VALUE}).")
    Duration leaseRenewDeadline;

    @Option(names = "--lease-retry-period", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How often replicas try to take the Lease and the leader renews it; shorter than"
                    + " --lease-renew-deadline (default: ${DEFAULT-VALUE}).")
    Duration leaseRetryPeriod;

    @Option(names = "--termination-timeout", paramLabel = "DURATION", defaultValue = "150s", converter = DurationConverter.class,
            description = "On SIGTERM, how long running passes may take to finish before they are abandoned; keep the"
                    + " pod's terminationGracePeriodSeconds longer (default: ${DEFAULT-VALUE}).")
    Duration terminationTimeout;

    @Option(names = "--leader-election", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reconcile only while holding the Lease, so that two replicas never reconcile at once (default: on).")
    boolean leaderElection;

    @Option(names = "--leader-election-lease", paramLabel = "NAME", defaultValue = OperatorSettings.DEFAULT_LEASE,
            description = "Name of the coordination.k8s.io Lease (default: ${DEFAULT-VALUE}).")
    String lease;

    @Option(names = "--leader-election-namespace", paramLabel = "NS",
            description = "Namespace of the Lease (default: the operator pod's own namespace).")
    String leaseNamespace;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text", converter = Logging.FormatConverter.class,
            description = "Log lines as text (a UTC timestamp, level, thread, logger, the MDC and the message) or as"
                    + " json (one JSON object a line, stack traces inside it) (default: ${DEFAULT-VALUE}).")
    Logging.Format logFormat;

    /** The labels criteriaExpression sees: --region, --environment and --cloud, then --cluster-labels. */
    Map<String, String> labels() {
        Map<String, String> all = new LinkedHashMap<>();
        putIfSet(all, "region", region);
        putIfSet(all, "environment", environment);
        putIfSet(all, "cloud", cloud);
        all.putAll(clusterLabels);
        return all;
    }

    /** The settings the operator runs with; what they refuse (a label that is no CEL name, a port out of range) is a usage error. */
    OperatorSettings settings(ArmSettings arm) {
        if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
            throw new ParameterException(spec.commandLine(), "--kubeconfig: cannot read " + kubeconfig);
        }
        try {
            return new OperatorSettings(kubeconfig, namespaces, heartbeatInterval, federationInterval, labels(),
                    leaderElection ? lease : null, leaseNamespace(), metricsPort, healthPort, arm,
                    new RuntimeLimits(maxConcurrentReconciles, leaseDuration, leaseRenewDeadline, leaseRetryPeriod,
                            terminationTimeout));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The Lease's namespace when leader election is on; null means the pod's own. Outside a pod it must be
     * given, rather than taking whatever namespace the kubeconfig's context happens to name.
     */
    private String leaseNamespace() {
        if (!leaderElection || leaseNamespace != null) {
            return leaseNamespace;
        }
        if (!Files.isReadable(POD_NAMESPACE_FILE)) {
            throw new ParameterException(spec.commandLine(), "leader election needs --leader-election-namespace when the"
                    + " operator runs outside a Kubernetes pod (or turn it off with --no-leader-election)");
        }
        return null;
    }

    private static void putIfSet(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }
}
