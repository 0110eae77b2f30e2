package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.api.FederationStatus;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import dev.adxfed.operator.review.HubReview;
import dev.adxfed.operator.review.LastPass;
import dev.adxfed.operator.review.ReviewJson;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code adxfed status}: the federation at a glance, read from the hub with every change withheld. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Reads a hub and shows every partition (heartbeat age, live or expired against the TTL, databases"
                + " and tables), every entity group and function of the operator (in sync, drifted, missing, stale or"
                + " conflicting with a user's object), held departures, and the last pass from the file's status."
                + " Sends no DDL.",
                "Exit code: 0 in sync, 1 not in sync or a read failed, 2 bad arguments or file, 4 the hub is not set up"
                        + " yet (no heartbeat table: sync it first)."})
final class StatusCommand implements Callable<Integer> {

    static final int IN_SYNC = 0;
    static final int NOT_IN_SYNC = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "YAML file with Federated ADXCluster resources (with their status, if kubectl wrote it).")
    private Path file;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The hub, instead of a file.")
    private String endpoint;

    @Option(names = "--heartbeat-database", paramLabel = "DB", defaultValue = "FederationHeartbeats",
            description = "With --endpoint: the heartbeat database (default: ${DEFAULT-VALUE}).")
    private String heartbeatDatabase;

    @Option(names = "--heartbeat-table", paramLabel = "T", defaultValue = "Heartbeat",
            description = "With --endpoint: the heartbeat table (default: ${DEFAULT-VALUE}).")
    private String heartbeatTable;

    @Option(names = "--heartbeat-ttl", paramLabel = "DURATION", defaultValue = FederationSpec.DEFAULT_HEARTBEAT_TTL,
            description = "With --endpoint: the heartbeat TTL, e.g. 10m (default: ${DEFAULT-VALUE}).")
    private String heartbeatTtl;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (the same view, for scripts); default: ${DEFAULT-VALUE}.")
    private Output output;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time limit of every Kusto call (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    enum Output { text, json }

    @Override
    public Integer call() {
        try {
            return show();
        } catch (CommandFailure e) {
            throw new CommandFailure(e.getMessage(), CommandFailure.USAGE, e);
        }
    }

    private int show() {
        List<ADXCluster> hubs = hubs();
        KustoClients clients = new KustoClients(StageTimeouts.all(timeout));
        PrintWriter out = spec.commandLine().getOut();
        List<HubReview> reviews = new ArrayList<>();
        int code = IN_SYNC;
        boolean readFailed = false;
        for (ADXCluster cluster : hubs) {
            HubReview review = HubDryRun.of(clients, cluster.getMetadata().getName(), ClusterPass.hub(cluster),
                    lastPass(cluster.getStatus())).review();
            reviews.add(review);
            readFailed |= !review.inputsRead() || !review.failures().isEmpty();
            code = Math.max(code, review.notSetUp() && review.inputsRead() ? CommandFailure.NOT_SET_UP
                    : review.inSync() ? IN_SYNC : NOT_IN_SYNC);
            if (output == Output.text) {
                out.print(StatusText.of(review, file != null));
                out.flush();
            }
        }
        if (output == Output.json) {
            out.println(ReviewJson.of(reviews));
        }
        out.flush();
        if (readFailed) {
            spec.commandLine().getErr().println("adxfed status: some reads failed (listed above): the view may be incomplete");
        }
        return code;
    }

    private List<ADXCluster> hubs() {
        if ((file == null) == (endpoint == null)) {
            throw new ParameterException(spec.commandLine(), "give either -f FILE or --endpoint URL");
        }
        if (file == null) {
            return List.of(fromOptions());
        }
        List<ADXCluster> hubs = ClusterFile.read(file);
        for (ADXCluster cluster : hubs) {
            if (cluster.getSpec().effectiveRole() != ClusterRole.Federated) {
                throw new CommandFailure(file + ": ADXCluster " + cluster.getMetadata().getName() + " has role "
                        + cluster.getSpec().effectiveRole() + "; status reads Federated clusters (a partition shows in its hub's"
                        + " status; plan -f on the partition's file shows the heartbeat its sync would send)", CommandFailure.USAGE);
            }
            ClusterPass.endpoint(cluster);
        }
        return hubs;
    }

    /** A Federated resource with the CRD's defaults and the options given. */
    private ADXCluster fromOptions() {
        try {
            KustoEndpoint.parse(endpoint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--endpoint: " + e.getMessage());
        }
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMeta());
        cluster.getMetadata().setName(endpoint);
        cluster.setSpec(new ADXClusterSpec());
        cluster.getSpec().endpoint = endpoint;
        cluster.getSpec().role = ClusterRole.Federated;
        FederationSpec federation = new FederationSpec();
        federation.heartbeatDatabase = heartbeatDatabase;
        federation.heartbeatTable = heartbeatTable;
        federation.heartbeatTTL = heartbeatTtl;
        cluster.getSpec().federation = federation;
        try {
            federation.heartbeatTtl();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--heartbeat-ttl: " + e.getMessage());
        }
        return cluster;
    }

    /** Null when the resource carries no status of a federation pass. */
    static LastPass lastPass(ADXClusterStatus status) {
        if (status == null || status.federation == null) {
            return null;
        }
        FederationStatus federation = status.federation;
        Condition condition = status.conditions == null ? null : status.conditions.stream()
                .filter(c -> ADXClusterStatus.CONDITION_TYPE.equals(c.getType())).findFirst().orElse(null);
        return new LastPass(condition == null ? null : condition.getStatus(), condition == null ? null : condition.getReason(),
                condition == null ? null : condition.getMessage(), federation.lastSyncTime, federation.lastSuccessfulSyncTime,
                federation.failures);
    }
}
