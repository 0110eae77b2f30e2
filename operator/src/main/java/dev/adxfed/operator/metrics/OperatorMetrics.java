package dev.adxfed.operator.metrics;

import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.TargetFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The operator's own metrics, recorded from the reports of the heartbeat and federation passes. */
public final class OperatorMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> partitionsByDatabase = new ConcurrentHashMap<>();

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void heartbeat(HeartbeatReport report) {
        report.reached().forEach(target -> registry.counter("adxfed.heartbeats", "target", target, "result", "sent").increment());
        for (TargetFailure failure : report.failures()) {
            registry.counter("adxfed.heartbeats", "target", failure.endpoint(), "result", "failed").increment();
        }
        if (report.schemaFailure().isPresent()) {
            registry.counter("adxfed.schema.reads", "result", "failed").increment();
        }
    }

    public void federation(String hub, FederationReport report) {
        report.completed().forEach((kind, n) ->
                registry.counter("adxfed.federation.commands", "hub", hub, "kind", kind, "result", "completed").increment(n));
        report.failures().forEach((kind, n) ->
                registry.counter("adxfed.federation.commands", "hub", hub, "kind", kind, "result", "failed").increment(n));
        registry.counter("adxfed.heartbeat.rows", "hub", hub, "result", "read").increment(report.partitions());
        registry.counter("adxfed.heartbeat.rows", "hub", hub, "result", "malformed").increment(report.malformed().size());
        report.partitionsByDatabase().forEach((database, n) -> partitionsByDatabase.computeIfAbsent(hub + "/" + database,
                key -> registry.gauge("adxfed.partitions", Tags.of("hub", hub, "database", database),
                        new AtomicInteger())).set(n));
    }

    public void reconcileDuration(String role, Duration duration) {
        Timer.builder("adxfed.reconcile.duration").tag("role", role).register(registry).record(duration);
    }
}
