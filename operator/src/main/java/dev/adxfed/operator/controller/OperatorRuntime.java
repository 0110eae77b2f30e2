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
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

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
     * @param kusto             the Kusto connector, given where to report whether each identity could get a token
     * @param onLostLeadership  what to do when another replica took the Lease: reconciles may still be running
     *                          here, so the process must not go on as a second leader
     * @param firstRetry        how soon a failed pass is retried (doubling each time up to the interval)
     * @param liveness          when the process counts as no longer making progress
     */
    record Wiring(KubernetesClient client, boolean ownsClient, Function<KustoClients.TokenReport, KustoConnector> kusto,
                  boolean serverSideApply,
                  Runnable onLostLeadership, Clock clock, Duration firstRetry, ProgressWatchdog.Thresholds liveness) {}

    /** How soon a failed pass is retried in production: 30 s, then 1, 2, 4, ... minutes up to the interval. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final Operator operator;
    private final List<ProbeServer> servers;
    private final KubernetesClient client;
    private final boolean ownsClient;
    private final OperatorMetrics metrics;
    private final AtomicBoolean closing;
    private final ProgressWatchdog watchdog;
    private final LeaseRelease lease;
    private final List<AutoCloseable> binders;

    private OperatorRuntime(Operator operator, List<ProbeServer> servers, KubernetesClient client, boolean ownsClient,
                            OperatorMetrics metrics, AtomicBoolean closing, ProgressWatchdog watchdog, LeaseRelease lease,
                            List<AutoCloseable> binders) {
        this.operator = operator;
        this.servers = servers;
        this.client = client;
        this.ownsClient = ownsClient;
        this.metrics = metrics;
        this.closing = closing;
        this.watchdog = watchdog;
        this.lease = lease;
        this.binders = binders;
    }

    /** Starts the operator against the Kubernetes API the settings name; Kusto through the official SDK. */
    public static OperatorRuntime start(OperatorSettings settings) throws IOException {
        KubernetesClientBuilder builder = new KubernetesClientBuilder();
        if (settings.kubeconfig() != null) {
            builder.withConfig(Config.fromKubeconfig(Files.readString(settings.kubeconfig())));
        }
        return start(settings, new Wiring(builder.build(), true,
                report -> new KustoClients(StageTimeouts.defaults(), System.getenv(), report), true,
                OperatorRuntime::exitAfterLosingLeadership, Clock.systemUTC(), FIRST_RETRY,
                ProgressWatchdog.Thresholds.defaults()));
    }

    static OperatorRuntime start(OperatorSettings settings, Wiring wiring) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<AutoCloseable> binders = processMetrics(registry);
        OperatorMetrics metrics = new OperatorMetrics(registry, wiring.clock());
        KustoConnector kusto = new TimedKustoConnector(wiring.kusto().apply(
                (identity, endpoint, failure) -> metrics.tokenChecked(identity.kind(), failure.isEmpty())), metrics);
        ProgressWatchdog watchdog = new ProgressWatchdog(wiring.liveness(), wiring.clock());
        String identity = identity();
        RuntimeLimits limits = settings.runtime();
        ADXClusterReconciler reconciler = new ADXClusterReconciler(new ClusterCriteria(settings.clusterLabels()),
                ClusterProvisioning.of(settings.arm()), new HeartbeatSender(kusto, wiring.clock()), new FederationPass(kusto), metrics,
                settings.heartbeatInterval(), settings.federationInterval(), new RetryBackoff(wiring.firstRetry()),
                wiring.clock(), watchdog, new FailureEvents(wiring.clock(), identity));
        AtomicBoolean closing = new AtomicBoolean();
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(wiring.client())
                    .withCloseClientOnStop(false)
                    .withMetrics(new DeletedResources(MicrometerMetrics.withoutPerResourceMetrics(registry),
                            id -> metrics.gone(id.getNamespace().orElse(""), id.getName())))
                    .withUseSSAToPatchPrimaryResource(wiring.serverSideApply())
                    .withConcurrentReconciliationThreads(limits.maxConcurrentReconciles())
                    .withReconciliationTerminationTimeout(limits.terminationTimeout());
            if (settings.leaseName() != null) {
                LeaderElectionConfigurationBuilder election = LeaderElectionConfigurationBuilder
                        .aLeaderElectionConfiguration(settings.leaseName())
                        .withIdentity(identity)
                        .withLeaseDuration(limits.leaseDuration())
                        .withRenewDeadline(limits.renewDeadline())
                        .withRetryPeriod(limits.retryPeriod())
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
            o.withGenerationAware(false).withOnUpdateFilter(ReleaseDepartures.updateFilter())
                    // A pass reschedules itself; this only catches a resource whose reschedule was lost.
                    .withReconciliationMaxInterval(settings.longestInterval().multipliedBy(2));
            if (!settings.namespaces().isEmpty()) {
                o.settingNamespaces(Set.copyOf(settings.namespaces()));
            }
        });
        LeaseRelease lease = settings.leaseName() == null ? null : new LeaseRelease(wiring.client(), settings.leaseName(),
                settings.leaseNamespace() != null ? settings.leaseNamespace() : wiring.client().getNamespace(), identity);
        List<ProbeServer> servers = new ArrayList<>();
        OperatorRuntime runtime = new OperatorRuntime(operator, servers, wiring.client(), wiring.ownsClient(), metrics,
                closing, watchdog, lease, binders);
        try {
            // The probes answer while the informers sync: /livez is 200 and /readyz 503 until they are watching.
            if (settings.metricsPort() != 0 && settings.metricsPort() == settings.healthPort()) {
                servers.add(ProbeServer.start(settings.metricsPort(), registry, runtime::live, runtime::ready));
            } else {
                servers.add(ProbeServer.start(settings.metricsPort(), registry, null, null));
                servers.add(ProbeServer.start(settings.healthPort(), null, runtime::live, runtime::ready));
            }
            operator.start();
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        LOG.info("operator started: namespaces {}, heartbeat every {}, federation every {}, labels {}, lease {}, "
                        + "{} passes at once, metrics on {}, probes on {}",
                settings.namespaces().isEmpty() ? "all" : settings.namespaces(), settings.heartbeatInterval(),
                settings.federationInterval(), settings.clusterLabels(),
                settings.leaseName() == null ? "none" : settings.leaseName() + " as " + identity,
                limits.maxConcurrentReconciles(), runtime.metricsPort(), runtime.healthPort());
        return runtime;
    }

    /** JVM and process metrics (jvm_memory_*, jvm_gc_*, jvm_threads_*, process_cpu_*, process_uptime_seconds, ...). */
    private static List<AutoCloseable> processMetrics(MeterRegistry registry) {
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), gc, pressure, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new JvmInfoMetrics(), new ProcessorMetrics(), new UptimeMetrics(),
                new FileDescriptorMetrics());
        binders.forEach(binder -> binder.bindTo(registry));
        return List.of(gc, pressure);
    }

    /** The port serving /metrics (the chosen one when the settings said 0). */
    public int metricsPort() {
        return servers.get(0).port();
    }

    /** The port serving /livez, /readyz and /healthz. */
    public int healthPort() {
        return servers.get(servers.size() - 1).port();
    }

    OperatorMetrics metrics() {
        return metrics;
    }

    ProgressWatchdog watchdog() {
        return watchdog;
    }

    /** Making progress, whatever the API server does: see {@link ProgressWatchdog}. */
    private boolean live() {
        Optional<String> problem = watchdog.problem();
        problem.ifPresent(why -> LOG.error("not live: {}", why));
        return problem.isEmpty();
    }

    /** Started, and every informer watching: a replica that cannot see its resources is not ready. */
    private boolean ready() {
        return !closing.get() && operator.getRuntimeInfo().isStarted()
                && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    private static String identity() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "adxfed" : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void exitAfterLosingLeadership() {
        LOG.error("lost the leader election Lease: exiting so that two replicas never reconcile at once");
        System.exit(1);
    }

    /**
     * Stops reconciling, waits up to the termination timeout for running passes, hands the Lease over
     * (JOSDK leaves it to expire) and closes the HTTP servers.
     */
    @Override
    public void close() {
        closing.set(true);
        try {
            operator.stop();
            if (lease != null) {
                lease.release();
            }
        } finally {
            servers.forEach(ProbeServer::close);
            watchdog.close();
            binders.forEach(OperatorRuntime::closeQuietly);
            if (ownsClient) {
                client.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable binder) {
        try {
            binder.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", binder, e.toString());
        }
    }
}
