package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.DurationText;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.kusto.KustoIdentity;
import dev.adxfed.operator.model.ClusterModel;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.review.HubReview;
import dev.adxfed.operator.review.HubVerdict;
import dev.adxfed.operator.review.PlanMarkdown;
import dev.adxfed.operator.review.ReviewJson;
import dev.adxfed.operator.arm.ArmException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

/** {@code adxfed plan}: what a sync would send (a hub's federation, a partition's heartbeat), without sending it. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run: for a Federated ADXCluster, reads the heartbeats and the hub's entity groups and functions,"
                + " and prints what a sync would change, changing nothing: the exact commands (text), a reviewable"
                + " diff per hub database for a pull request (markdown), or the same diff as JSON for tools. For a"
                + " Partition (text only), reads its schema and prints the heartbeat a sync would send to each target,"
                + " and whether the target has its heartbeat table yet. With spec.provision, the text output also shows"
                + " what a sync would create or change in Azure. For each https cluster it says how it signs in and what"
                + " that needs.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "YAML file with ADXCluster resources.")
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

    @Mixin
    ArmOptions arm;

    @Override
    public Integer call() {
        List<ADXCluster> clusters = ClusterFile.read(file);
        for (ADXCluster cluster : clusters) {
            if (cluster.getSpec().effectiveRole() != ClusterRole.Federated && output != Output.text) {
                throw new CommandFailure(file + ": ADXCluster " + cluster.getMetadata().getName() + " is a Partition;"
                        + " plan -o " + output + " reviews hubs' changes, -o text also shows what a partition's sync would send",
                        CommandFailure.USAGE);
            }
            ClusterPass.check(cluster);
        }
        KustoClients clients = new KustoClients(StageTimeouts.all(timeout));
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        int notSetUp = 0;
        List<HubReview> reviews = new ArrayList<>();
        AzurePlan azure = new AzurePlan(arm.settings(Duration.ZERO), out, output == Output.text);
        for (ADXCluster cluster : clusters) {
            String endpoint;
            try {
                endpoint = azure.endpoint(cluster);
            } catch (ArmException e) {
                out.println("// " + cluster.getMetadata().getName() + ": Azure Resource Manager could not be read: " + e.getMessage());
                failed++;
                continue;
            }
            if (endpoint == null) {
                continue;
            }
            ClusterModel model = ClusterModel.of(cluster);
            if (model instanceof ClusterModel.Partition partition) {
                PartitionDryRun run = PartitionDryRun.of(clients, partition, endpoint);
                print(out, clients, partition, endpoint, run);
                if (!run.failures().isEmpty()) {
                    failed++;
                    notSetUp += run.onlyNotSetUp() ? 1 : 0;
                }
                continue;
            }
            Hub hub = azure.hub(cluster, endpoint);
            HubDryRun run = HubDryRun.of(clients, cluster.getMetadata().getName(), hub, null);
            if (output == Output.text) {
                print(out, clients, cluster, hub, run, HubVerdict.of(run.review().changes()));
            }
            reviews.add(run.review().changes());
            // Withheld commands all "complete", so any failure is a read that failed.
            failed += run.report().succeeded() ? 0 : 1;
        }
        if (output == Output.markdown) {
            out.print(PlanMarkdown.of(reviews));
        } else if (output == Output.json) {
            out.println(ReviewJson.of(reviews));
        }
        out.flush();
        if (failed > 0 && failed == notSetUp) {
            throw new CommandFailure("a partition's hub is not set up yet (listed above): sync the hub first",
                    CommandFailure.NOT_SET_UP);
        }
        if (failed > 0) {
            throw new CommandFailure("some reads failed (listed above): the plan may be incomplete", CommandFailure.FAILED);
        }
        return 0;
    }

    /** What a partition's sync would send to each target, and what it needs to. */
    private static void print(PrintWriter out, KustoClients clients, ClusterModel.Partition partition, String endpoint,
                              PartitionDryRun run) {
        HeartbeatReport report = run.report();
        out.printf("// %s (%s): partition %s; a sync heartbeats into %d target(s)%n", partition.name(), endpoint,
                report.schemaReadAt().isPresent() ? "of " + report.databases() + " database(s)" : "whose schema could not be read",
                partition.targets().size());
        signsIn(out, clients.identity(endpoint, null));
        for (FederatedTarget target : partition.targets()) {
            List<DryRunKusto.Withheld> commands = run.sent().getOrDefault(target.endpoint, List.of());
            out.printf("// to %s %s.%s: %s%n", target.endpoint, target.heartbeatDatabase, target.heartbeatTable,
                    commands.isEmpty() ? "nothing" : commands.size() + " ingestion(s), "
                            + ClusterPass.bytes(PartitionDryRun.bytes(commands)));
            signsIn(out, clients.identity(target.endpoint, target.managedIdentityClientId));
        }
        report.degraded().forEach(d -> out.println("//   degraded " + d.describe()));
        run.failures().forEach(f -> out.println("// failed: " + f));
        out.println(run.failures().isEmpty() ? "// nothing was sent" : "// ERROR: the heartbeat could not be planned in full");
    }

    /** An https cluster takes a token: say whose, and what that needs. */
    private static void signsIn(PrintWriter out, KustoIdentity identity) {
        if (!(identity instanceof KustoIdentity.None)) {
            out.println("//   signs in with " + identity.signsInWith());
        }
    }

    private static void print(PrintWriter out, KustoClients clients, ADXCluster cluster, Hub hub, HubDryRun run,
                              String verdict) {
        FederationReport report = run.report();
        out.printf("// %s (%s): %d partition(s) heartbeating within %s%n", cluster.getMetadata().getName(), hub.endpoint(),
                report.partitions(), DurationText.format(hub.heartbeatTtl()));
        signsIn(out, clients.identity(hub.endpoint(), null));
        report.failureMessages().forEach(m -> out.println("// failed: " + m));
        ClusterPass.guards(report).forEach(line -> out.println("//" + line));
        run.review().adxMonObjects().forEach(o -> out.println("//  adx-mon " + o.kind() + " " + o.database() + "." + o.name()
                + ": " + o.fate().words() + ": " + o.why()));
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
