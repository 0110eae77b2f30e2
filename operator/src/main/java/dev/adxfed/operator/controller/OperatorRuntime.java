package dev.adxfed.operator.controller;

import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.metrics.OperatorMetrics;
import dev.adxfed.operator.metrics.ProbeServer;
import dev.adxfed.operator.metrics.TimedKustoConnector;
import dev.adxfed.operator.provision.ClusterProvisioning;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running operator: the ADXCluster controller on java-operator-sdk, leader election on a Lease,
 * Micrometer metrics and the HTTP endpoints. {@code adxfed operator} starts one and closes it on exit.
 */
public final class OperatorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);

    /**
     * What the runtime is built from besides its settings; tests give a mock API server's client and
     * JSON merge patches (the mock does not take server-side apply).
     *
     * @param ownsClient        close the client with the runtime
     * @param onLostLeadership  what to do when another replica took the Lease: reconciles may still be running
     *                          here, so the process must not go on as a second leader
     * @param leaseTimings      how long a Lease holds, how soon the holder must renew it, how often others retry
     * @param firstRetry        how soon a failed pass is retried (doubling each time up to the interval)
     */
    record Wiring(KubernetesClient client, boolean ownsClient, KustoConnector kusto, boolean serverSideApply,
                  Runnable onLostLeadership, Clock clock, LeaseTimings leaseTimings, Duration firstRetry) {}

    /** How soon a failed pass is retried in production: 30 s, then 1, 2, 4, ... minutes up to the interval. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        static LeaseTimings josdkDefaults() {
            return new LeaseTimings(LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                    LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                    LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);
        }
    }

    private final Operator operator;
    private final List<ProbeServer> servers;
    private final KubernetesClient client;
    private final boolean ownsClient;
    private final OperatorMetrics metrics;
    private final AtomicBoolean closing;

    private OperatorRuntime(Operator operator, List<ProbeServer> servers, KubernetesClient client, boolean ownsClient,
                            OperatorMetrics metrics, AtomicBoolean closing) {
        this.operator = operator;
        this.servers = servers;
        this.client = client;
        this.ownsClient = ownsClient;
        this.metrics = metrics;
        this.closing = closing;
    }

    /** Starts the operator against the Kubernetes API the settings name; Kusto through the official SDK. */
    public static OperatorRuntime start(OperatorSettings settings) throws IOException {
        KubernetesClientBuilder builder = new KubernetesClientBuilder();
        if (settings.kubeconfig() != null) {
            builder.withConfig(Config.fromKubeconfig(Files.readString(settings.kubeconfig())));
        }
        return start(settings, new Wiring(builder.build(), true, new KustoClients(StageTimeouts.defaults()), true,
                OperatorRuntime::exitAfterLosingLeadership, Clock.systemUTC(), LeaseTimings.josdkDefaults(), FIRST_RETRY));
    }

    static OperatorRuntime start(OperatorSettings settings, Wiring wiring) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OperatorMetrics metrics = new OperatorMetrics(registry, wiring.clock());
        KustoConnector kusto = new TimedKustoConnector(wiring.kusto(), metrics);
        ADXClusterReconciler reconciler = new ADXClusterReconciler(new ClusterCriteria(settings.clusterLabels()),
                ClusterProvisioning.of(settings.arm()), new HeartbeatSender(kusto, wiring.clock()), new FederationPass(kusto), metrics,
                settings.heartbeatInterval(), settings.federationInterval(), new RetryBackoff(wiring.firstRetry()),
                wiring.clock());
        AtomicBoolean closing = new AtomicBoolean();
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(wiring.client())
                    .withCloseClientOnStop(false)
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                    .withUseSSAToPatchPrimaryResource(wiring.serverSideApply());
            if (settings.leaseName() != null) {
                LeaderElectionConfigurationBuilder election = LeaderElectionConfigurationBuilder
                        .aLeaderElectionConfiguration(settings.leaseName())
                        .withIdentity(identity())
                        .withLeaseDuration(wiring.leaseTimings().leaseDuration())
                        .withRenewDeadline(wiring.leaseTimings().renewDeadline())
                        .withRetryPeriod(wiring.leaseTimings().retryPeriod())
                        // JOSDK would exit on any stop of leading, including our own close.
                        .withExitOnStopLeading(false)
                        .withLeaderCallbacks(new LeaderCallbacks(
                                () -> LOG.info("leading: this replica reconciles ADXClusters"),
                                () -> {
                                    if (!closing.get()) {
                                        wiring.onLostLeadership().run();
                                    }
                                },
                                leader -> LOG.info("Lease {} is held by {}", settings.leaseName(), leader)));
                if (settings.leaseNamespace() != null) {
                    election.withLeaseNamespace(settings.leaseNamespace());
                }
                o.withLeaderElectionConfiguration(election.build());
            }
        });
        operator.register(reconciler, o -> {
            o.withGenerationAware(false).withOnUpdateFilter(ReleaseDepartures.updateFilter());
            if (!settings.namespaces().isEmpty()) {
                o.settingNamespaces(Set.copyOf(settings.namespaces()));
            }
        });
        List<ProbeServer> servers = new ArrayList<>();
        OperatorRuntime runtime = new OperatorRuntime(operator, servers, wiring.client(), wiring.ownsClient(), metrics,
                closing);
        try {
            operator.start();
            if (settings.metricsPort() != 0 && settings.metricsPort() == settings.healthPort()) {
                servers.add(ProbeServer.start(settings.metricsPort(), registry, runtime::live, runtime::ready));
            } else {
                servers.add(ProbeServer.start(settings.metricsPort(), registry, null, null));
                servers.add(ProbeServer.start(settings.healthPort(), null, runtime::live, runtime::ready));
            }
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        LOG.info("operator started: namespaces {}, heartbeat every {}, federation every {}, labels {}, lease {}, "
                        + "metrics on {}, probes on {}", settings.namespaces().isEmpty() ? "all" : settings.namespaces(),
                settings.heartbeatInterval(), settings.federationInterval(), settings.clusterLabels(),
                settings.leaseName() == null ? "none" : settings.leaseName(), runtime.metricsPort(), runtime.healthPort());
        return runtime;
    }

    /** The port serving /metrics (the chosen one when the settings said 0). */
    public int metricsPort() {
        return servers.get(0).port();
    }

    /** The port serving /healthz and /readyz. */
    public int healthPort() {
        return servers.get(servers.size() - 1).port();
    }

    OperatorMetrics metrics() {
        return metrics;
    }

    private boolean live() {
        return !closing.get() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    private boolean ready() {
        return live() && operator.getRuntimeInfo().isStarted();
    }

    private static String identity() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "adxfed" : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void exitAfterLosingLeadership() {
        LOG.error("lost the leader election Lease: exiting so that two replicas never reconcile at once");
        System.exit(1);
    }

    @Override
    public void close() {
        closing.set(true);
        try {
            operator.stop();
        } finally {
            servers.forEach(ProbeServer::close);
            if (ownsClient) {
                client.close();
            }
        }
    }
}
