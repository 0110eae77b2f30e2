package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a hub of P partitions x D databases x T tables from nothing: topology, plan, diff against an
 * empty hub and 1 MiB scripts. Prints the wall time, DDL bytes, scripts and peak heap. Run with
 * {@code java -Xmx512m} (see docs/operator.md); not a test, because timings on a shared machine vary.
 */
public final class PlanBenchmark {

    public static void main(String[] args) {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int databases = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int tables = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<PartitionHeartbeat> heartbeats = new ArrayList<>();
        List<String> tableNames = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            tableNames.add("Table" + t);
        }
        for (int p = 0; p < partitions; p++) {
            List<PartitionDatabase> dbs = new ArrayList<>();
            for (int d = 0; d < databases; d++) {
                dbs.add(PartitionDatabase.of("Database" + d, tableNames, List.of()));
            }
            heartbeats.add(new PartitionHeartbeat("https://partition" + p + ".westeurope.kusto.windows.net",
                    Instant.now(), dbs));
        }
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        FederationPlan plan = FederationPlan.of(Topology.of(heartbeats), FederationSettings.defaults());
        long bytes = 0;
        int scripts = 0;
        int commands = 0;
        List<Command> groupCommands = FederationDiff.entityGroups(plan, "Database0", List.of(), java.util.Set.of()).commands();
        for (DatabaseScript script : DatabaseScript.batches("Database0", groupCommands, DatabaseScript.MAX_BYTES)) {
            bytes += script.text().length();
            scripts++;
            commands += script.commands().size();
        }
        for (String database : plan.topology().databases()) {
            List<Command> functionCommands = FederationDiff.functions(plan, database, List.of()).commands();
            for (DatabaseScript script : DatabaseScript.batches(database, functionCommands, DatabaseScript.MAX_BYTES)) {
                bytes += script.text().length();
                scripts++;
                commands += script.commands().size();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%d partitions x %d databases x %d tables: %d commands in %d scripts, %.1f MiB of DDL"
                        + " (the groups of one hub database and every function), planned in %d ms (%d ms of CPU), peak heap %d MiB (max %d MiB)%n",
                partitions, databases, tables, commands, scripts, bytes / 1048576.0, millis, cpuMillis, peakHeap / 1048576,
                Runtime.getRuntime().maxMemory() / 1048576);
    }
}
