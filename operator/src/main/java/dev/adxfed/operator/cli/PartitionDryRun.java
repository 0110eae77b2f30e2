package dev.adxfed.operator.cli;

import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTargets;
import dev.adxfed.operator.heartbeat.TargetFailure;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.model.ClusterModel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One heartbeat of a partition with the ingestion withheld: the partition's schema is read as a sync reads it,
 * the heartbeat is built and, per target, what would be sent is recorded; each target is then asked, read
 * only, whether it has the heartbeat table yet.
 *
 * @param sent     per target endpoint, the commands withheld from it
 * @param notReady targets that could not take the heartbeat now (not set up yet, or not readable)
 */
record PartitionDryRun(HeartbeatReport report, Map<String, List<DryRunKusto.Withheld>> sent, List<TargetFailure> notReady) {

    static PartitionDryRun of(KustoConnector kusto, ClusterModel.Partition partition, String endpoint) {
        Map<String, DryRunKusto> clusters = new LinkedHashMap<>();
        KustoConnector dryRun = (target, identity) -> clusters.computeIfAbsent(target,
                t -> new DryRunKusto(kusto.connect(target, identity)));
        HeartbeatReport report = new HeartbeatSender(dryRun, Clock.systemUTC())
                .send(endpoint, partition.partitioning(), partition.targets());
        Map<String, List<DryRunKusto.Withheld>> sent = new LinkedHashMap<>();
        clusters.forEach((target, cluster) -> {
            if (!cluster.withheld().isEmpty()) {
                sent.put(target, cluster.withheld());
            }
        });
        List<TargetFailure> notReady = new ArrayList<>();
        if (report.sent()) {
            notReady.addAll(HeartbeatTargets.unready(kusto, partition.targets().stream()
                    .filter(t -> report.reached().contains(t.endpoint)).toList()));
        }
        return new PartitionDryRun(report, sent, notReady);
    }

    /** Every failure: the schema read, the targets not reached, and those not ready. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        report.schemaFailure().ifPresent(f -> failures.add("schema: " + f));
        report.targetFailures().forEach(f -> failures.add(f.endpoint() + ": " + f.message()));
        notReady.forEach(f -> failures.add(f.endpoint() + ": " + f.message()));
        return failures;
    }

    /** Every failure is a hub without its heartbeat table yet. */
    boolean onlyNotSetUp() {
        return report.schemaFailure().isEmpty() && report.failures().isEmpty() && !notReady.isEmpty()
                && notReady.stream().allMatch(TargetFailure::hubNotSetUp);
    }

    static long bytes(List<DryRunKusto.Withheld> commands) {
        return commands.stream().mapToLong(c -> c.text().getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
