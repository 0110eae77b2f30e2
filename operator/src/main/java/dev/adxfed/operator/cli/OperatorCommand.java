package dev.adxfed.operator.cli;

import dev.adxfed.operator.controller.ADXClusterReconciler;
import dev.adxfed.operator.controller.CriteriaExpression;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.metrics.MetricsServer;
import dev.adxfed.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code adxfed operator}: runs the ADXCluster reconciler against a Kubernetes API server. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Reconciles ADXCluster resources in Kubernetes: partitions heartbeat, federated clusters federate."
                + " Serves /metrics, /healthz and /readyz.")
final class OperatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    OperatorOptions options;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, InterruptedException {
        options.validate();
        Optional<String> leaseNamespace = options.leaseNamespace();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KustoClients kusto = new KustoClients(StageTimeouts.defaults());
        ADXClusterReconciler reconciler = new ADXClusterReconciler(new HeartbeatSender(kusto, Clock.systemUTC()),
                new FederationPass(kusto), new CriteriaExpression(options.labels()),
                new ADXClusterReconciler.Intervals(options.heartbeatInterval, options.federationInterval),
                new OperatorMetrics(registry), Clock.systemUTC());
        KubernetesClient client = kubernetesClient();
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client);
            o.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
            if (options.leaderElection) {
                o.withLeaderElectionConfiguration(leaseNamespace
                        .map(ns -> new LeaderElectionConfiguration(options.lease, ns))
                        .orElseGet(() -> new LeaderElectionConfiguration(options.lease)));
            }
        });
        operator.register(reconciler, o -> {
            if (!options.namespaces.isEmpty()) {
                o.settingNamespaces(Set.copyOf(options.namespaces));
            }
        });
        AtomicBoolean started = new AtomicBoolean();
        MetricsServer server = metricsServer(registry, started);
        try (server) {
            operator.start();
            started.set(true);
            spec.commandLine().getOut().printf("adxfed operator: watching ADXClusters in %s on %s; metrics on :%d%n",
                    options.namespaces.isEmpty() ? "all namespaces" : String.join(", ", options.namespaces),
                    client.getMasterUrl(), server.port());
            spec.commandLine().getOut().flush();
            awaitStop();
        } finally {
            operator.stop();
            stopped.countDown();
        }
        return 0;
    }

    /** Until SIGTERM or Ctrl-C (or {@link #stop()}); the shutdown hook then waits for the operator to stop. */
    private void awaitStop() throws InterruptedException {
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "operator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopRequested.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it waits for stopped.
        }
    }

    /** Stops a running operator as SIGTERM would; for tests, which cannot send signals to their own JVM. */
    void stop() {
        stopRequested.countDown();
    }

    private KubernetesClient kubernetesClient() throws IOException {
        if (options.kubeconfig == null) {
            return new KubernetesClientBuilder().build();
        }
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(options.kubeconfig))).build();
    }

    private MetricsServer metricsServer(PrometheusMeterRegistry registry, AtomicBoolean started) throws IOException {
        try {
            return new MetricsServer(options.metricsPort, registry, started::get);
        } catch (BindException e) {
            throw new CommandFailure("--metrics-port " + options.metricsPort + " is in use: " + e.getMessage(), CommandFailure.USAGE, e);
        }
    }
}
