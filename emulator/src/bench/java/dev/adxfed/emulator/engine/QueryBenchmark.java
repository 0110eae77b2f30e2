package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.server.QueryResult;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.kql.syntax.EntityReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's two figures in docs/emulator.md: rows per second of a where + summarize by bin over one million
 * in-memory rows (one thread), and the time of a macro-expand over 20 in-process clusters.
 */
@State(Scope.Benchmark)
public class QueryBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int CLUSTERS = 20;
    private static final int ROWS_PER_CLUSTER = 10_000;

    private TestClusters clusters;

    @Setup
    public void setUp() {
        clusters = new TestClusters();
        ClusterCatalog hub = clusters.cluster("hub", 20000);
        TestClusters.table(hub, "Metrics", "Cpu", "Timestamp:datetime, Host:string, Value:real", rows(ROWS));
        List<EntityReference> members = new ArrayList<>();
        for (int i = 1; i <= CLUSTERS; i++) {
            ClusterCatalog partition = clusters.cluster("p" + i, 20000 + i);
            TestClusters.table(partition, "Metrics", "Cpu", "Timestamp:datetime, Host:string, Value:real", rows(ROWS_PER_CLUSTER));
            members.add(new EntityReference(TestClusters.endpoint(20000 + i), "Metrics"));
        }
        TestClusters.group(hub, "Metrics", "Metrics_Partitions", members.toArray(EntityReference[]::new));
    }

    /** One sample a second over the day before {@link TestClusters#NOW}, wrapping around. */
    private static Object[][] rows(int n) {
        Instant start = TestClusters.NOW.minus(Duration.ofDays(1));
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[]{start.plusSeconds(i % 86_400), "host-" + (i % 50), (double) (i % 100)};
        }
        return rows;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROWS)
    public QueryResult whereSummarizeCountByBin() {
        return clusters.run("hub", "Metrics", "Cpu | where Timestamp > ago(12h) | summarize count() by bin(Timestamp, 5m)");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public QueryResult macroExpandOver20Clusters() {
        return clusters.run("hub", "Metrics", "macro-expand Metrics_Partitions as X ( X.Cpu | summarize count() by bin(Timestamp, 5m) )");
    }
}
