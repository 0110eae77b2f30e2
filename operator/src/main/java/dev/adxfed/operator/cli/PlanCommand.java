package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.DurationText;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.review.HubReview;
import dev.adxfed.operator.review.HubVerdict;
import dev.adxfed.operator.review.PlanMarkdown;
import dev.adxfed.operator.review.ReviewJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code adxfed plan}: what a federation sync would send to a hub, without sending it. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run for Federated ADXClusters: reads the heartbeats and the hub's entity groups and functions,"
                + " and prints what a sync would change, changing nothing: the exact commands (text), a reviewable"
                + " diff per hub database for a pull request (markdown), or the same diff as JSON for tools.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "YAML file with Federated ADXCluster resources.")
    private Path file;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time limit of every Kusto call (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    /** What to print: the commands, or the diff for a review. */
    enum Output { text, json, markdown }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the commands), markdown (a diff per hub database, for a pull request) or json"
                    + " (the same diff for tools); default: ${DEFAULT-VALUE}.")
    private Output output;

    @Override
    public Integer call() {
        List<ADXCluster> hubs = ClusterFile.read(file);
        for (ADXCluster cluster : hubs) {
            if (cluster.getSpec().effectiveRole() != ClusterRole.Federated) {
                throw new CommandFailure(file + ": ADXCluster " + cluster.getMetadata().getName() + " has role "
                        + cluster.getSpec().effectiveRole() + "; plan works on Federated clusters (sync sends a partition's heartbeat)",
                        CommandFailure.USAGE);
            }
            ClusterPass.endpoint(cluster);
        }
        KustoClients clients = new KustoClients(StageTimeouts.all(timeout));
        PrintWriter out = spec.commandLine().getOut();
        boolean failed = false;
        List<HubReview> reviews = new ArrayList<>();
        for (ADXCluster cluster : hubs) {
            Hub hub = ClusterPass.hub(cluster);
            HubDryRun run = HubDryRun.of(clients, cluster.getMetadata().getName(), hub, null);
            if (output == Output.text) {
                print(out, cluster, hub, run, HubVerdict.of(run.review().changes()));
            }
            reviews.add(run.review().changes());
            // Withheld commands all "complete", so any failure is a read that failed.
            failed |= !run.report().succeeded();
        }
        if (output == Output.markdown) {
            out.print(PlanMarkdown.of(reviews));
        } else if (output == Output.json) {
            out.println(ReviewJson.of(reviews));
        }
        out.flush();
        if (failed) {
            throw new CommandFailure("some reads failed (listed above): the plan may be incomplete", CommandFailure.FAILED);
        }
        return 0;
    }

    private static void print(PrintWriter out, ADXCluster cluster, Hub hub, HubDryRun run, String verdict) {
        FederationReport report = run.report();
        out.printf("// %s (%s): %d partition(s) heartbeating within %s%n", cluster.getMetadata().getName(), hub.endpoint(),
                report.partitions(), DurationText.format(hub.heartbeatTtl()));
        report.failureMessages().forEach(m -> out.println("// failed: " + m));
        ClusterPass.guards(report).forEach(line -> out.println("//" + line));
        out.println("// " + verdict);
        List<DryRunKusto.Withheld> commands = run.commands();
        if (commands.isEmpty()) {
            return;
        }
        long bytes = 0;
        String database = null;
        for (DryRunKusto.Withheld command : commands) {
            if (bytes == 0 || !Objects.equals(command.database(), database)) {
                database = command.database();
                out.printf("%n// database %s%n", database == null ? "(cluster)" : database);
            }
            out.println(command.text());
            bytes += command.text().getBytes(StandardCharsets.UTF_8).length;
        }
        out.printf("%n// %d request(s), %s; nothing was sent%n", commands.size(), ClusterPass.bytes(bytes));
    }
}
