package dev.adxfed.devtools;

import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.cli.CommandFailure;
import dev.adxfed.operator.federation.Changes;
import dev.adxfed.operator.federation.DatabaseScript;
import dev.adxfed.operator.federation.FederationDiff;
import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.federation.FederationPlan;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.FederationSettings;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.federation.Topology;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.DegradedHeartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.heartbeat.HeartbeatSender;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;
import dev.adxfed.operator.heartbeat.TableSchema;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.Stage;
import dev.adxfed.operator.kusto.StageTimeouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code adxfed bench}: the cost of one reconcile on each side, against emulator clusters. The
 * partition side runs for real on a few partition clusters; the hub side reads P heartbeats, of
 * which all but those few are synthetic rows ingested straight into its heartbeat table, since
 * P emulator servers would measure the machine rather than the operator. The emulator runs in a
 * child JVM so that the heap measured is the operator's, and enforces Kusto's result limits (500,000
 * records, 64 MB), so a pass that would fail on ADX fails here. The bytes a pass read are counted by the
 * hub cluster itself, response by response ({@link ResponseMeter}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures a federated reconcile on emulator clusters that enforce Kusto's result limits: Kusto"
                + " round trips on each side, bytes read and the largest response, DDL bytes, wall time and peak heap,"
                + " and checks them against the operator's targets. Exits non-zero when a pass fails or a check fails.",
                "Run with -Xmx512m to hold the operator's JVM to the heap target; the emulator runs in a JVM of its own."})
final class BenchCommand implements Callable<Integer> {

    static final int REAL_PARTITIONS = BenchFleet.REAL_PARTITIONS;
    static final Duration PLAN_TIME_TARGET = Duration.ofSeconds(1);
    static final long HEAP_TARGET_BYTES = 512L * 1024 * 1024;
    /** Issue 9's bound on any one response, well under Kusto's 64 MB. */
    static final long RESPONSE_TARGET_BYTES = 16L * 1024 * 1024;
    static final long HEAP_SAMPLE_MILLIS = 5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "20",
            description = "Partitions heartbeating into the hub (default: ${DEFAULT-VALUE}; the first " + REAL_PARTITIONS
                    + " are emulator clusters, the rest synthetic heartbeat rows).")
    private int partitions;

    @Option(names = "--databases", paramLabel = "D", defaultValue = "3",
            description = "Databases per partition (default: ${DEFAULT-VALUE}).")
    private int databases;

    @Option(names = "--tables", paramLabel = "T", defaultValue = "20",
            description = "Tables per partition database (default: ${DEFAULT-VALUE}).")
    private int tables;

    @Option(names = "--columns", paramLabel = "C", defaultValue = "10",
            description = "Columns per table, with the names and types of telemetry tables, as each heartbeat's"
                    + " tableSchemas lists them (default: ${DEFAULT-VALUE}).")
    private int columns;

    @Option(names = "--schema-variants", paramLabel = "V", defaultValue = "4",
            description = "Distinct schemas among the synthetic partitions, as while a schema change rolls out: variant v"
                    + " lacks the last v tables of the first database (default: ${DEFAULT-VALUE}).")
    private int schemaVariants;

    @Option(names = "--targets", paramLabel = "N", defaultValue = "1",
            description = "Federated targets (hubs) each partition heartbeats into (default: ${DEFAULT-VALUE}).")
    private int targets;

    @Option(names = "--function-members", paramLabel = "MODE", defaultValue = "inline",
            description = "How the hub's functions name their partitions, as spec.federation.functionMembers: inline or"
                    + " entityGroup (default: ${DEFAULT-VALUE}).")
    private String functionMembers;

    @Option(names = "--hubs-at-once", defaultValue = "false",
            description = "Then heartbeat the synthetic fleet into every target too and run one pass on every hub at"
                    + " once, twice, as an operator with --max-concurrent-reconciles N does after a failover: their"
                    + " peak heap together.")
    private boolean hubsAtOnce;

    @Option(names = "--hub-big-object32",
            description = "Give the hub's Schema column the BigObject32 encoding policy (32 MB) before the partitions"
                    + " heartbeat, as a hub the operator creates has it; without it the column keeps ADX's 1 MB and a"
                    + " bigger heartbeat is split.")
    private boolean hubBigObject32;

    @Option(names = "--emulator-heap", paramLabel = "SIZE", defaultValue = "2g",
            description = "Maximum heap of the emulator's JVM, as -Xmx takes it (default: ${DEFAULT-VALUE}).")
    private String emulatorHeap;

    private PrintWriter out;
    private BenchFleet fleet;

    /** @param cpu CPU time of the thread that ran the step: on a loaded machine, what the step itself cost */
    private record Timed<T>(T result, Duration wall, Duration cpu, long peakHeapBytes) {}

    /** A hub pass with what the hub sent during it and the CPU time the emulator spent meanwhile. */
    private record Pass(Timed<FederationReport> timed, ResponseMeter.Traffic traffic, Duration emulatorCpu) {
        FederationReport report() {
            return timed.result();
        }
    }

    /** What planning a hub from nothing produces: the scripts a first pass would send. */
    private record Planned(int commands, int scripts, long ddlBytes) {}

    @Override
    public Integer call() throws IOException {
        requirePositive("--partitions", partitions);
        requirePositive("--databases", databases);
        requirePositive("--tables", tables);
        requirePositive("--columns", columns);
        requirePositive("--targets", targets);
        requirePositive("--schema-variants", schemaVariants);
        if (!functionMembers.equals("inline") && !functionMembers.equals("entityGroup")) {
            throw new ParameterException(spec.commandLine(), "--function-members must be inline or entityGroup, got "
                    + functionMembers);
        }
        out = spec.commandLine().getOut();
        fleet = new BenchFleet(partitions, databases, tables, columns, targets, schemaVariants);
        Instant started = Instant.now();
        try (EmulatorProcess emulator = EmulatorProcess.start(fleet.emulatorConfig(), emulatorHeap)) {
            KustoClients kusto = new KustoClients(StageTimeouts.all(Duration.ofMinutes(5)));
            List<FederatedTarget> federatedTargets = new ArrayList<>();
            for (int t = 1; t <= targets; t++) {
                federatedTargets.add(target(emulator.url(BenchFleet.hubName(t)).orElseThrow()));
            }
            String hubUrl = federatedTargets.get(0).endpoint;
            out.printf("adxfed bench: %d partition(s) x %d database(s) x %d table(s) x %d column(s) in %d schema variant(s),"
                            + " %d federated target(s), functions %s; emulator up in %.1fs with Kusto's result limits%n",
                    partitions, databases, tables, columns, schemaVariants, targets, functionMembers,
                    seconds(Duration.between(started, Instant.now())));
            out.flush();

            if (hubBigObject32) {
                for (FederatedTarget target : federatedTargets) {
                    kusto.connect(target.endpoint, null).mgmt(Stage.HEARTBEAT_TABLE, BenchFleet.HEARTBEAT_DATABASE,
                            new HeartbeatTable(BenchFleet.HEARTBEAT_DATABASE, BenchFleet.HEARTBEAT_TABLE).schemaEncodingCommand());
                }
            }
            HeartbeatSender sender = new HeartbeatSender(kusto, Clock.systemUTC());
            Map<String, HeartbeatReport> heartbeats = new LinkedHashMap<>();
            Map<String, Duration> heartbeatTimes = new LinkedHashMap<>();
            for (int p = 1; p <= fleet.real(); p++) {
                String name = BenchFleet.partitionName(p);
                long start = System.nanoTime();
                heartbeats.put(name, sender.send(emulator.url(name).orElseThrow(), Map.of("partition", name),
                        federatedTargets));
                heartbeatTimes.put(name, Duration.ofNanos(System.nanoTime() - start));
            }
            int ingestCommands = fleet.ingestSyntheticHeartbeats(kusto.connect(hubUrl, null));

            Hub hub = new Hub(hubUrl, new HeartbeatTable(BenchFleet.HEARTBEAT_DATABASE, BenchFleet.HEARTBEAT_TABLE),
                    Duration.ofHours(1), settings());
            FederationPass federation = new FederationPass(kusto);
            ResponseMeter meter = new ResponseMeter(hubUrl);
            Pass first = pass(meter, emulator, () -> federation.run(hub));
            Pass second = pass(meter, emulator, () -> federation.run(hub));
            List<PartitionHeartbeat> fleetHeartbeats = fleetHeartbeats();
            Timed<Planned> planning = measure(() -> planFromNothing(fleetHeartbeats));

            printPartitionSide(heartbeats, heartbeatTimes, fleet.synthetic(), ingestCommands);
            printHubSide(first, second, planning);
            boolean passed = printChecks(heartbeats, first, second, planning);
            if (hubsAtOnce) {
                passed &= hubsAtOnce(kusto, federatedTargets);
            }
            out.printf("%nPeak heap: the most heap in use (live and garbage) in this JVM, sampled every %d ms from a GC"
                    + " just before the step (max heap %s); the emulator runs in its own JVM (-Xmx%s) and is not counted.%n",
                    HEAP_SAMPLE_MILLIS,
                    mib(Runtime.getRuntime().maxMemory()), emulatorHeap);
            out.flush();
            return passed ? 0 : CommandFailure.FAILED;
        }
    }

    /**
     * One pass on every hub at once, twice: the first round is the first pass of every hub but the first (whose
     * passes ran above), the second round finds every hub unchanged.
     */
    private boolean hubsAtOnce(KustoClients kusto, List<FederatedTarget> federatedTargets) {
        List<Hub> hubs = new ArrayList<>();
        for (int t = 0; t < federatedTargets.size(); t++) {
            String url = federatedTargets.get(t).endpoint;
            if (t > 0) {
                fleet.ingestSyntheticHeartbeats(kusto.connect(url, null));
            }
            hubs.add(new Hub(url, new HeartbeatTable(BenchFleet.HEARTBEAT_DATABASE, BenchFleet.HEARTBEAT_TABLE),
                    Duration.ofHours(1), settings()));
        }
        FederationPass federation = new FederationPass(kusto);
        boolean passed = true;
        out.printf("%n%d hubs at once (one thread each):%n", hubs.size());
        for (String round : List.of("first round", "unchanged")) {
            ExecutorService threads = Executors.newFixedThreadPool(hubs.size());
            try {
                Timed<List<FederationReport>> together = measure(() -> hubs.stream()
                        .map(hub -> threads.submit(() -> federation.run(hub))).toList().stream()
                        .map(BenchCommand::join).toList());
                long failed = together.result().stream().filter(r -> !r.failureMessages().isEmpty()).count();
                out.printf("  %s: wall %.2fs, peak heap %s, %d of %d passes with failures%n", round,
                        seconds(together.wall()), mib(together.peakHeapBytes()), failed, hubs.size());
                passed &= failed == 0;
            } finally {
                threads.shutdownNow();
            }
        }
        out.flush();
        return passed;
    }

    private static FederationReport join(Future<FederationReport> pass) {
        try {
            return pass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a hub pass threw: " + e.getCause(), e.getCause());
        }
    }

    private static Pass pass(ResponseMeter meter, EmulatorProcess emulator, Supplier<FederationReport> run) {
        long mark = meter.mark();
        Duration emulatorCpu = emulator.cpuTime();
        Timed<FederationReport> timed = measure(run);
        return new Pass(timed, meter.since(mark), emulator.cpuTime().minus(emulatorCpu));
    }

    /**
     * The pool peaks of MemoryPoolMXBean are per pool and at different moments, so their sum overstates;
     * sampling the whole heap's use is what a container limit sees.
     */
    private static <T> Timed<T> measure(Supplier<T> step) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(HEAP_SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        T result;
        try {
            result = step.get();
        } finally {
            running.set(false);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return new Timed<>(result, wall, cpu, peak.get());
    }

    /** The heartbeats of P partitions in their schema variants, as the hub keeps them: the input of planning. */
    private List<PartitionHeartbeat> fleetHeartbeats() {
        List<List<PartitionDatabase>> variants = new ArrayList<>();
        for (int v = 0; v < schemaVariants; v++) {
            List<PartitionDatabase> partitionDatabases = new ArrayList<>();
            for (DatabaseSchema database : fleet.schema(v).databases()) {
                partitionDatabases.add(PartitionDatabase.of(database.name(),
                        database.tables().stream().map(TableSchema::name).toList(), List.of()));
            }
            variants.add(partitionDatabases);
        }
        Instant now = Instant.now();
        List<PartitionHeartbeat> heartbeats = new ArrayList<>();
        for (int i = 1; i <= partitions; i++) {
            heartbeats.add(new PartitionHeartbeat(BenchFleet.syntheticEndpoint(i), now, variants.get(fleet.variant(i))));
        }
        return heartbeats;
    }

    /** Topology, plan, diff against an empty hub and scripts, with no I/O. */
    private Planned planFromNothing(List<PartitionHeartbeat> heartbeats) {
        Topology topology = Topology.of(heartbeats);
        FederationPlan plan = FederationPlan.of(topology, settings());
        int commands = 0;
        int scripts = 0;
        long bytes = 0;
        for (String database : topology.databases()) {
            for (Changes changes : List.of(FederationDiff.entityGroups(plan, database, List.of(), Set.of()),
                    FederationDiff.functions(plan, database, List.of()))) {
                for (DatabaseScript script : DatabaseScript.batches(database, changes.commands(), DatabaseScript.MAX_BYTES)) {
                    commands += script.commands().size();
                    scripts++;
                    bytes += script.text().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return new Planned(commands, scripts, bytes);
    }

    private FederationSettings settings() {
        return FederationSettings.defaults().withFunctionsOverEntityGroups(functionMembers.equals("entityGroup"));
    }

    private void printPartitionSide(Map<String, HeartbeatReport> heartbeats, Map<String, Duration> times, int synthetic,
                                    int ingestCommands) {
        out.printf("%nPartition side (one heartbeat pass each, against emulator clusters; the hub's Schema column: %s)%n",
                hubBigObject32 ? "BigObject32, 32 MB" : "the default 1 MB");
        out.printf("  %-12s %-12s %-24s %-10s %-9s %s%n", "partition", "databases", "schema round trips", "ingests", "wall",
                "heartbeat");
        heartbeats.forEach((name, report) -> out.printf("  %-12s %-12d %-24d %-10d %-9s %s%n", name, report.databases(),
                report.partitionRoundTrips(), report.reached().size(), String.format("%.2fs", seconds(times.get(name))),
                report.degraded().isEmpty() ? "whole, one row per target"
                        : report.degraded().stream().map(DegradedHeartbeat::describe).toList()));
        if (synthetic > 0) {
            out.printf("  plus %d synthetic heartbeat row(s), ingested into the hub in %d .ingest inline command(s)%n",
                    synthetic, ingestCommands);
        }
    }

    private void printHubSide(Pass first, Pass second, Timed<Planned> planning) {
        out.printf("%nHub side (federation pass on %s; bytes and rows as the hub cluster sent them)%n", BenchFleet.hubName(1));
        out.printf("  %-11s %-6s %-11s %-9s %-12s %-12s %-24s %-9s %-10s %-8s%n", "pass", "live", "round trips", "commands",
                "DDL bytes", "bytes read", "largest response", "wall", "peak heap", "failures");
        printPass("first", first);
        printPass("unchanged", second);
        Planned p = planning.result();
        out.printf("  %-11s %-6d %-11s %-9d %-12d %-12s %-24s %-9s %-10s %-8s%n", "plan only", partitions, p.scripts() + " scripts",
                p.commands(), p.ddlBytes(), "-", "-", String.format("%.2fs", seconds(planning.wall())),
                mib(planning.peakHeapBytes()), "-");
        out.printf("  (plan only: topology, plan, diff against an empty hub and scripts of the first pass, with no I/O;"
                + " CPU time of its thread %.2fs)%n", seconds(planning.cpu()));
        out.printf("  CPU time, on a machine where wall time also counts other processes: first pass %.2fs in the"
                        + " operator's pass thread and %.2fs in the emulator; unchanged pass %.2fs and %.2fs%n",
                seconds(first.timed().cpu()), seconds(first.emulatorCpu()), seconds(second.timed().cpu()),
                seconds(second.emulatorCpu()));
        for (Pass pass : List.of(first, second)) {
            FederationReport r = pass.report();
            if (!r.failureMessages().isEmpty()) {
                out.printf("%n  The %s pass FAILED (%d failure(s)%s):%n", pass == first ? "first" : "unchanged",
                        r.failureMessages().size(), r.heartbeatsRead() ? "" : "; heartbeats not read, nothing changed");
                r.failureMessages().stream().limit(5).forEach(m -> out.println("    " + m));
            }
        }
    }

    private void printPass(String name, Pass pass) {
        FederationReport r = pass.report();
        ResponseMeter.Traffic t = pass.traffic();
        out.printf("  %-11s %-6d %-11d %-9d %-12d %-12d %-24s %-9s %-10s %-8d%n", name, r.partitions(), r.roundTrips(),
                r.commandsSent(), r.ddlBytes(), t.bytes(), t.largestBytes() + " B / " + t.largestRows() + " rows",
                String.format("%.2fs", seconds(pass.timed().wall())), mib(pass.timed().peakHeapBytes()),
                r.failureMessages().size());
    }

    private boolean printChecks(Map<String, HeartbeatReport> heartbeats, Pass first, Pass second, Timed<Planned> planning) {
        out.printf("%nChecks%n");
        boolean partitionSide = heartbeats.values().stream().allMatch(r -> r.partitionRoundTrips() == 1 + databases
                && r.reached().size() == targets && r.failures().isEmpty());
        heartbeats.values().forEach(r -> r.failures().forEach(f -> out.printf("  heartbeat failed: %s %s: %s%n",
                f.endpoint(), f.stage(), f.message())));
        boolean passed = check(partitionSide, String.format("partition side: 1 + D = %d round trips plus one ingest per target (%d)",
                1 + databases, targets));
        passed &= check(first.report().succeeded() && first.report().partitions() == partitions,
                String.format("first hub pass succeeded with all %d partitions live", partitions));
        passed &= check(second.report().succeeded() && second.report().ddlBytes() == 0,
                "an unchanged hub sends no DDL (second pass: " + second.report().ddlBytes() + " DDL bytes)");
        passed &= check(planning.cpu().compareTo(PLAN_TIME_TARGET) < 0 && planning.peakHeapBytes() < HEAP_TARGET_BYTES,
                String.format("planning the first pass takes under %ds of CPU and %s of heap (target set for 1000 x 5 x 200;"
                        + " wall %.2fs)", PLAN_TIME_TARGET.toSeconds(), mib(HEAP_TARGET_BYTES), seconds(planning.wall())));
        passed &= check(first.timed().peakHeapBytes() < HEAP_TARGET_BYTES,
                String.format("the first hub pass, I/O included, stays under %s of heap", mib(HEAP_TARGET_BYTES)));
        passed &= check(first.traffic().responses() == first.report().roundTrips()
                        && second.traffic().responses() == second.report().roundTrips(),
                String.format("the hub sent one response per round trip the operator counted (%d and %d responses)",
                        first.traffic().responses(), second.traffic().responses()));
        long largest = Math.max(first.traffic().largestBytes(), second.traffic().largestBytes());
        passed &= check(largest <= RESPONSE_TARGET_BYTES, String.format("no hub response over %s (largest: %d bytes)",
                mib(RESPONSE_TARGET_BYTES), largest));
        return passed;
    }

    private boolean check(boolean ok, String what) {
        out.printf("  %s  %s%n", ok ? "PASS" : "FAIL", what);
        return ok;
    }

    private void requirePositive(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
        }
    }

    private static FederatedTarget target(String hubUrl) {
        FederatedTarget target = new FederatedTarget();
        target.endpoint = hubUrl;
        target.heartbeatDatabase = BenchFleet.HEARTBEAT_DATABASE;
        target.heartbeatTable = BenchFleet.HEARTBEAT_TABLE;
        return target;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String mib(long bytes) {
        return String.format("%d MiB", bytes / (1024 * 1024));
    }
}
