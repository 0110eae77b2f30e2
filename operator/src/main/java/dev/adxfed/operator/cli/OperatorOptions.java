package dev.adxfed.operator.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options of {@code adxfed operator}: where the Kubernetes API is, which namespaces to watch,
 * how often each role runs, the labels criteriaExpression sees, the HTTP ports and leader election.
 * deploy/deployment.yaml passes these; a test checks that every argument there is one of them.
 */
final class OperatorOptions {

    static final String DEFAULT_LEASE = "adxfed-operator";
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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

    @Option(names = "--cluster-labels", split = ",", paramLabel = "KEY=VALUE",
            description = "Labels of the Kubernetes cluster this operator runs in, e.g. region=westeurope,environment=prod,cloud=AzureCloud;"
                    + " each ADXCluster's criteriaExpression sees them as string variables.")
    Map<String, String> clusterLabels = new LinkedHashMap<>();

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port serving Prometheus metrics on /metrics (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port serving /healthz and /readyz for the liveness and readiness probes (default: ${DEFAULT-VALUE}).")
    int healthPort;

    @Option(names = "--leader-election", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reconcile only while holding the lease, so that two replicas never reconcile at once (default: on).")
    boolean leaderElection;

    @Option(names = "--leader-election-lease", paramLabel = "NAME", defaultValue = DEFAULT_LEASE,
            description = "Name of the coordination.k8s.io Lease in the operator's namespace (default: ${DEFAULT-VALUE}).")
    String lease;

    /** Checks what picocli's types cannot; the exception names the option. */
    void validate() {
        for (String key : clusterLabels.keySet()) {
            if (!LABEL_KEY.matcher(key).matches()) {
                throw new ParameterException(spec.commandLine(), "--cluster-labels: '" + key
                        + "' is not a valid label name (letters, digits and _, not starting with a digit)");
            }
        }
        port("--metrics-port", metricsPort);
        port("--health-port", healthPort);
        if (metricsPort == healthPort) {
            throw new ParameterException(spec.commandLine(), "--metrics-port and --health-port are both " + metricsPort);
        }
    }

    private void port(String option, int value) {
        if (value < 1 || value > 65535) {
            throw new ParameterException(spec.commandLine(), option + " must be between 1 and 65535, got " + value);
        }
    }
}
