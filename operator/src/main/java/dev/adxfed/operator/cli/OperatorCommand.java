package dev.adxfed.operator.cli;

import dev.adxfed.operator.controller.ADXClusterReconciler;
import dev.adxfed.operator.controller.ClusterLabels;
import dev.adxfed.operator.controller.CriteriaExpression;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.metrics.MetricsServer;
import dev.adxfed.operator.metrics.OperatorMetrics;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code adxfed operator}: runs the ADXCluster reconciler in a Kubernetes cluster. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Reconciles ADXCluster resources: partitions heartbeat, federated clusters federate.")
public final class OperatorCommand implements Callable<Integer> {

    @Option(names = "--namespace", description = "Watch only this namespace (default: all namespaces).")
    String namespace;

    @Option(names = "--heartbeat-interval", defaultValue = "10m", converter = ShortDuration.class,
            description = "How often a partition heartbeats (default: ${DEFAULT-VALUE}).")
    Duration heartbeatInterval;

    @Option(names = "--federation-interval", defaultValue = "10m", converter = ShortDuration.class,
            description = "How often a federated cluster federates (default: ${DEFAULT-VALUE}).")
    Duration federationInterval;

    @Option(names = "--region", description = "This operator's region label, for criteriaExpression.")
    String region;

    @Option(names = "--environment", description = "This operator's environment label, for criteriaExpression.")
    String environment;

    @Option(names = "--cloud", description = "This operator's cloud label, for criteriaExpression.")
    String cloud;

    @Option(names = "--cluster-labels", description = "More labels for criteriaExpression: k=v,k2=v2.")
    String clusterLabels;

    @Option(names = "--metrics-port", defaultValue = "8080", description = "Port of /metrics, /healthz and /readyz.")
    int metricsPort;

    @Option(names = "--leader-election-namespace",
            description = "Namespace of the lease that lets only one replica reconcile (default: no leader election).")
    String leaderElectionNamespace;

    @Override
    public Integer call() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KustoClients kusto = new KustoClients(StageTimeouts.defaults());
        ADXClusterReconciler reconciler = new ADXClusterReconciler(new HeartbeatSender(kusto, Clock.systemUTC()),
                new FederationPass(kusto),
                new CriteriaExpression(ClusterLabels.parse(region, environment, cloud, clusterLabels)),
                new ADXClusterReconciler.Intervals(heartbeatInterval, federationInterval),
                new OperatorMetrics(registry), Clock.systemUTC());
        Operator operator = new Operator(o -> {
            o.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
            if (leaderElectionNamespace != null) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration("adxfed-operator", leaderElectionNamespace));
            }
        });
        operator.register(reconciler, o -> {
            if (namespace != null) {
                o.settingNamespace(namespace);
            }
        });
        AtomicBoolean started = new AtomicBoolean();
        try (MetricsServer server = new MetricsServer(metricsPort, registry, started::get)) {
            operator.start();
            started.set(true);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                operator.stop();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
