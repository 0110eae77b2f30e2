package dev.adxfed.operator.metrics;

import dev.adxfed.operator.federation.Conflict;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The operator's own meters, named as Prometheus shows them:
 * {@code adxfed_reconciles_total{role,hub,result}}, {@code adxfed_reconcile_duration_seconds{role}},
 * {@code adxfed_resource_ready{resource_namespace,name,role}}, {@code adxfed_status_patch_failures_total{code}},
 * {@code adxfed_kusto_token_available{identity}},
 * {@code adxfed_kusto_call_duration_seconds{stage,result}}, {@code adxfed_script_commands_total{kind,result}},
 * {@code adxfed_database_commands_total{hub,database,kind,result}}, {@code adxfed_heartbeat_rows_read_total{hub}},
 * {@code adxfed_heartbeats_sent_total{target,result}}, {@code adxfed_heartbeat_rows_malformed_total{hub}},
 * {@code adxfed_partitions_live{hub,database}}, {@code adxfed_departures_held{hub}},
 * {@code adxfed_conflicts{hub,kind}}, {@code adxfed_hub_databases_missing{hub}},
 * {@code adxfed_partitions_excluded{hub,reason}}, {@code adxfed_partitions_last_usable_schema{hub}}, and the heartbeat ages of {@link HeartbeatAgeGauges}
 * ({@code adxfed_heartbeat_age_seconds{hub,stat}}, {@code adxfed_partitions_stale{hub}},
 * {@code adxfed_heartbeat_ttl_seconds{hub}}). Series of a resource, hub or target go with the resource
 * ({@link ResourceSeries}). A {@code database} label is only ever one of the
 * hub's current topology (at most {@link #DATABASE_LABELS}); any other database counts as
 * {@value #OTHER_DATABASE}.
 */
public final class OperatorMetrics {

    /** Databases per hub that get their own series; heartbeats could otherwise name any number. */
    public static final int DATABASE_LABELS = 100;
    /** The database label of commands in a hub database that is not (or not among the labelled) partition databases. */
    public static final String OTHER_DATABASE = "_other";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, LivePartitionsGauge> partitionsByHub = new ConcurrentHashMap<>();
    private final Map<String, HeartbeatAgeGauges> heartbeatAgesByHub = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicInteger>> hubGauges = new ConcurrentHashMap<>();
    private final ResourceSeries resources;
    private final Map<String, AtomicInteger> tokens = new ConcurrentHashMap<>();

    /** @param clock what heartbeat ages are measured against at scrape time */
    public OperatorMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.resources = new ResourceSeries(registry, this::forgetHub);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * @param hub    the endpoint of a Federated resource, empty for a Partition
     * @param result complete, failed, invalid, criteriaError or skipped
     */
    public void reconciled(String role, String hub, String result, Duration took) {
        Counter.builder("adxfed.reconciles").description("ADXCluster reconciles by role, hub (Federated) and result")
                .tags("role", role, "hub", hub, "result", result).register(registry).increment();
        Timer.builder("adxfed.reconcile.duration").description("Time one ADXCluster reconcile took, by role")
                .tags("role", role).register(registry).record(took);
    }

    void kustoCall(String stage, boolean succeeded, long nanos) {
        Timer.builder("adxfed.kusto.call.duration").description("Kusto calls of the passes, by stage and result")
                .tags("stage", stage, "result", succeeded ? "success" : "failure").register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void heartbeat(HeartbeatReport report) {
        report.reached().forEach(target -> heartbeatSent(target, "success"));
        report.failures().forEach(failure -> heartbeatSent(failure.endpoint(), "failure"));
    }

    public void federation(String hub, FederationReport report) {
        report.completed().forEach((kind, n) -> scriptCommands(kind, "completed", n));
        report.failures().forEach((kind, n) -> scriptCommands(kind, "failed", n));
        Set<String> labelled = report.partitionsByDatabase().keySet().stream().limit(DATABASE_LABELS)
                .collect(Collectors.toSet());
        report.commandResults().forEach(r -> Counter.builder("adxfed.database.commands")
                .description("Entity-group and function commands the hub ran, by hub database, kind and result")
                .tags("hub", hub, "database", labelled.contains(r.database()) ? r.database() : OTHER_DATABASE,
                        "kind", r.kind().label(), "result", r.result())
                .register(registry).increment(r.count()));
        if (report.heartbeatsRead()) {
            // The hub reads one row per endpoint (the newest within the TTL): usable ones and malformed ones; a
            // partition kept on its last usable schema is one of the partitions.
            Counter.builder("adxfed.heartbeat.rows.read").description("Heartbeat rows the hub read, one per endpoint and pass")
                    .tags("hub", hub).register(registry).increment(report.partitions()
                            + report.malformed().stream().filter(m -> !m.keptLastSchema()).count());
            hubGauge("adxfed.partitions.last.usable.schema", "Partitions whose newest heartbeat was unusable (null,"
                            + " truncated, parts missing) and that keep their last usable schema", hub, Tags.empty(),
                    (int) report.malformed().stream().filter(MalformedHeartbeat::keptLastSchema).count());
        }
        Counter.builder("adxfed.heartbeat.rows.malformed").description("Heartbeat rows the hub skipped as malformed")
                .tags("hub", hub).register(registry).increment(report.malformed().size());
        if (report.heartbeatsRead()) {
            partitionsByHub.computeIfAbsent(hub, h -> new LivePartitionsGauge(registry))
                    .update(hub, report.partitionsByDatabase());
            heartbeatAgesByHub.computeIfAbsent(hub, h -> new HeartbeatAgeGauges(registry, hub, clock, report.heartbeatTimes()))
                    .update(report.heartbeatTimes());
            hubGauge("adxfed.departures.held", "Silent partitions the departure guard keeps as members", hub, Tags.empty(),
                    report.heldDepartures().endpoints().size());
            for (Conflict.Kind kind : Conflict.Kind.values()) {
                hubGauge("adxfed.conflicts", "What stands where the operator would write, left alone, by kind: a user's"
                                + " function or group, a table a function would hide, a partition's heartbeat database, the hub's endpoint", hub, Tags.of("kind", kind.label()),
                        (int) report.conflicts().stream().filter(c -> c.kind() == kind).count());
            }
            hubGauge("adxfed.hub.databases.missing", "Partition databases missing on the hub that it refuses to create",
                    hub, Tags.empty(), report.hubDatabasesMissing().size());
            String excluded = "Fresh partitions that are not members, by reason";
            hubGauge("adxfed.partitions.excluded", excluded, hub, Tags.of("reason", "blocked"), report.excluded().blocked());
            hubGauge("adxfed.partitions.excluded", excluded, hub, Tags.of("reason", "notSelected"),
                    report.excluded().notSelected());
            hubGauge("adxfed.partitions.excluded", excluded, hub, Tags.of("reason", "metadataMissing"),
                    report.excluded().metadataMissing());
        }
    }

    /**
     * The resource {@code namespace/name}, as this pass sees it, is the hub {@code hub} (Federated; null for a
     * Partition) and heartbeats into {@code targets}: the series of a hub or target it no longer names go when
     * no other resource names them.
     */
    public void follows(String namespace, String name, String role, String hub, Set<String> targets) {
        resources.follows(namespace, name, role, hub == null ? Set.of() : Set.of(hub), targets);
    }

    /** {@code adxfed_resource_ready{resource_namespace,name,role}}: whether the resource's last pass left it ready. */
    public void ready(String namespace, String name, String role, boolean ready) {
        resources.ready(namespace, name, role, ready);
    }

    /** The resource was deleted or is no longer selected: its series, and its hub's and targets' no one else names, go. */
    public void gone(String namespace, String name) {
        resources.gone(namespace, name);
    }

    /** A status patch the API server refused; {@code code} is its HTTP status (0: no answer). */
    public void statusPatchFailed(int code) {
        Counter.builder("adxfed.status.patch.failures")
                .description("ADXCluster status patches that failed, by HTTP status (0: no answer); the pass is retried")
                .tags("code", Integer.toString(code)).register(registry).increment();
    }

    /**
     * {@code adxfed_kusto_token_available{identity}}: whether the identity (workload, managed or default) got a
     * token when it was first used; 0 means every call to an https cluster with it fails.
     */
    public void tokenChecked(String identity, boolean available) {
        tokens.computeIfAbsent(identity, kind -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("adxfed.kusto.token.available", holder, AtomicInteger::get)
                    .description("1 when the identity got a Kusto token at its first use, 0 when it could not")
                    .tags("identity", kind).register(registry);
            return holder;
        }).set(available ? 1 : 0);
    }

    private void forgetHub(String hub) {
        partitionsByHub.remove(hub);
        heartbeatAgesByHub.remove(hub);
        hubGauges.remove(hub);
    }

    /** A gauge of one hub, set to the value of the last pass that read heartbeats. */
    private void hubGauge(String name, String description, String hub, Tags tags, int value) {
        Tags all = tags.and("hub", hub);
        hubGauges.computeIfAbsent(hub, h -> new ConcurrentHashMap<>()).computeIfAbsent(name + all, k -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder(name, holder, AtomicInteger::get).description(description).tags(all).register(registry);
            return holder;
        }).set(value);
    }

    private void heartbeatSent(String target, String result) {
        Counter.builder("adxfed.heartbeats.sent").description("Heartbeat rows sent by partitions, by target and result")
                .tags("target", target, "result", result).register(registry).increment();
    }

    private void scriptCommands(String kind, String result, int n) {
        Counter.builder("adxfed.script.commands").description("Commands the hub was sent, by kind and result"
                        + " (stages that failed before any command count as failed under their stage name)")
                .tags("kind", kind, "result", result).register(registry).increment(n);
    }
}
