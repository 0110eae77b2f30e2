package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code adxfed sync}: one heartbeat or federation pass per ADXCluster, without Kubernetes. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Runs one pass for each ADXCluster in the files: a heartbeat for a Partition, a federation for a"
                + " Federated cluster, as the operator would, and prints what it did. Exits non-zero when anything failed,"
                + " so it suits cron and CI.",
                "criteriaExpression is not evaluated: every resource given is synced."})
final class SyncCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "YAML file with one or more ADXCluster resources (repeat for more files).")
    private List<Path> files;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of every Kusto call (default: 30s, scripts and database creation 2m).")
    private Duration timeout;

    @Option(names = "--release-departures",
            description = "Apply removals the departure guard holds: partitions silent beyond the TTL leave the groups"
                    + " and functions now, however many they are.")
    private boolean releaseDepartures;

    @Override
    public Integer call() {
        List<ADXCluster> clusters = new ArrayList<>();
        for (Path file : files) {
            clusters.addAll(ClusterFile.read(file));
        }
        clusters.forEach(ClusterPass::endpoint);
        // Hubs first: a hub's first pass makes the heartbeat table its partitions write into.
        clusters.sort(Comparator.comparing(c -> c.getSpec().effectiveRole() != ClusterRole.Federated));
        ClusterPass pass = new ClusterPass(new KustoClients(timeout == null ? StageTimeouts.defaults() : StageTimeouts.all(timeout)),
                Clock.systemUTC(), releaseDepartures);
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        int notSetUp = 0;
        for (ADXCluster cluster : clusters) {
            ClusterPass.Outcome outcome = pass.run(cluster);
            outcome.lines().forEach(out::println);
            out.flush();
            if (!outcome.succeeded()) {
                failed++;
                notSetUp += outcome.notSetUp() ? 1 : 0;
            }
        }
        if (failed > 0 && failed == notSetUp) {
            throw new CommandFailure(failed + " of " + clusters.size() + " ADXCluster pass(es) found a hub not set up yet"
                    + " (listed above): sync the hub first", CommandFailure.NOT_SET_UP);
        }
        if (failed > 0) {
            throw new CommandFailure(failed + " of " + clusters.size() + " ADXCluster pass(es) had failures (listed above)",
                    CommandFailure.FAILED);
        }
        return 0;
    }
}
