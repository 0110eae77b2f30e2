package dev.adxfed.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.cli.ClusterPass;
import dev.adxfed.operator.cli.CommandFailure;
import dev.adxfed.operator.cli.KustoEndpoint;
import dev.adxfed.operator.cli.TextTable;
import dev.adxfed.operator.kusto.KustoClients;
import dev.adxfed.operator.kusto.StageTimeouts;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code adxfed demo}: federation end to end on emulator clusters, with no setup. The operator's own
 * heartbeat and federation passes run against three partitions and a hub; then the three ways to
 * query the federated data, and a partition leaving the groups once its heartbeat is older than the TTL.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows federation working on local emulator clusters (three partitions and a hub), in well under a minute.")
final class DemoCommand implements Callable<Integer> {

    static final Duration TTL = Duration.ofSeconds(6);
    static final Duration KEEP_RUNNING_INTERVAL = Duration.ofSeconds(5);
    static final String LEAVING = "southeastasia";

    static final String FUNCTION_QUERY =
            "Cpu | summarize Samples = count(), MinCpu = min(Value), MaxCpu = max(Value) by Host | order by Host asc";
    static final String MACRO_EXPAND_QUERY = "macro-expand Logs_Partitions as X ( X.Requests"
            + " | summarize Requests = count(), Failed = countif(Status >= 500) by Host ) | order by Host asc";
    static final String USER_FUNCTION = ".create-or-alter function with (docstring = 'Peak memory per host, over every partition')"
            + " PeakMemory() { macro-expand Metrics_Partitions as X ( X.Memory | summarize PeakBytes = max(UsedBytes) by Host ) }";
    static final String USER_FUNCTION_QUERY =
            "PeakMemory() | project Host, PeakMiB = PeakBytes / 1048576 | order by Host asc";

    private static final Pattern MEMBER_CLUSTER = Pattern.compile("cluster\\('([^']*)'\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--keep-running",
            description = "Leave the clusters up afterwards, heartbeating and federating every 5s, and print endpoints and queries to try.")
    private boolean keepRunning;

    private PrintWriter out;
    private final Map<String, String> names = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = spec.commandLine().getOut();
        Instant started = Instant.now();
        Emulator emulator = Emulator.start(DemoClusters.config(started));
        try {
            return run(emulator, started);
        } finally {
            if (!keepRunning) {
                emulator.close();
            }
        }
    }

    private int run(Emulator emulator, Instant started) throws InterruptedException {
        emulator.clusters().forEach(c -> names.put(c.url(), c.name()));
        String hubUrl = emulator.cluster(DemoClusters.HUB).orElseThrow().url();
        ADXCluster hub = hub(hubUrl);
        Map<String, ADXCluster> partitions = new LinkedHashMap<>();
        for (String name : DemoClusters.PARTITIONS) {
            partitions.put(name, partition(name, emulator.cluster(name).orElseThrow().url(), hubUrl));
        }
        ClusterPass pass = new ClusterPass(new KustoClients(StageTimeouts.all(Duration.ofSeconds(20))), Clock.systemUTC());
        Client query = KustoEndpoint.parse(hubUrl).connect();

        out.println("adxfed demo: the operator's heartbeat and federation passes on local emulator clusters (no Azure needed).");
        printClusters(emulator);

        section("The hub's first pass creates its heartbeat table; every partition heartbeats into it; the hub federates");
        boolean ok = print(pass.run(hub));
        for (ADXCluster partition : partitions.values()) {
            ok &= print(pass.run(partition));
        }
        Instant lastLeavingHeartbeat = Instant.now();
        ok &= print(pass.run(hub));
        printEntityGroups(query);
        printFunctions(query);

        section("Three ways to query the federated data, on the hub");
        ok &= show(query, "1. The federated function Cpu() unions the table over the partitions that have it", "Metrics", FUNCTION_QUERY);
        ok &= show(query, "2. macro-expand over the named entity group Logs_Partitions", "Logs", MACRO_EXPAND_QUERY);
        ok &= run(query, "3. A function of your own, built on the entity group Metrics_Partitions", "Metrics", USER_FUNCTION);
        ok &= show(query, null, "Metrics", USER_FUNCTION_QUERY);

        section(LEAVING + " stops heartbeating (as when its ADXCluster is deleted); the demo's heartbeat TTL is "
                + TTL.toSeconds() + "s");
        Duration wait = TTL.minus(Duration.between(lastLeavingHeartbeat, Instant.now())).plusMillis(500);
        if (!wait.isNegative()) {
            out.printf("waiting %.1fs for its last heartbeat to expire ...%n", wait.toMillis() / 1000.0);
            out.flush();
            Thread.sleep(wait.toMillis());
        }
        for (ADXCluster partition : partitions.values()) {
            if (!partition.getMetadata().getName().equals(LEAVING)) {
                ok &= print(pass.run(partition));
            }
        }
        ok &= print(pass.run(hub));
        printEntityGroups(query);
        ok &= show(query, "Your function follows the group: PeakMemory() now covers two regions", "Metrics", USER_FUNCTION_QUERY);

        out.printf("%nDemo %s in %ds.%n", ok ? "finished" : "finished WITH FAILURES (see above)",
                Duration.between(started, Instant.now()).toSeconds());
        if (keepRunning) {
            keepRunning(pass, hub, partitions, hubUrl);
        } else {
            out.println("Run `./adxfed demo --keep-running` to keep the clusters up and try queries of your own.");
        }
        out.flush();
        return ok ? 0 : CommandFailure.FAILED;
    }

    private void keepRunning(ClusterPass pass, ADXCluster hub, Map<String, ADXCluster> partitions, String hubUrl)
            throws InterruptedException {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-passes");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(() -> {
            partitions.values().forEach(pass::run);
            ClusterPass.Outcome federation = pass.run(hub);
            if (!federation.lines().get(0).contains(" sent 0 command(s)")) {
                print(federation);
            }
        }, 0, KEEP_RUNNING_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        section("Still running: every partition (" + LEAVING + " again too) heartbeats and the hub federates every "
                + KEEP_RUNNING_INTERVAL.toSeconds() + "s");
        names.forEach((url, name) -> out.printf("  %-15s %s%n", name, url));
        out.printf("%nTry, from another terminal:%n");
        out.printf("  ./adxfed query --endpoint %s --database Metrics '%s'%n", hubUrl, "Cpu | summarize count() by Host");
        out.printf("  ./adxfed query --endpoint %s --database Metrics '%s'%n", hubUrl,
                "macro-expand Metrics_Partitions as X ( X.Memory | summarize max(UsedBytes) by Host )");
        out.printf("  ./adxfed query --endpoint %s --database Metrics '.show entity_groups'%n", hubUrl);
        String partition = partitions.values().iterator().next().getSpec().endpoint;
        out.printf("  ./adxfed query --endpoint %s --database Metrics '.create table Disk (Timestamp:datetime, Host:string, FreeBytes:long)'%n",
                partition);
        out.printf("    (within %ds the hub has a Disk() function)%n", 2 * KEEP_RUNNING_INTERVAL.toSeconds());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        new CountDownLatch(1).await();
    }

    private static ADXCluster partition(String name, String endpoint, String hubUrl) {
        FederatedTarget target = new FederatedTarget();
        target.endpoint = hubUrl;
        target.heartbeatDatabase = DemoClusters.HEARTBEAT_DATABASE;
        target.heartbeatTable = DemoClusters.HEARTBEAT_TABLE;
        FederationSpec federation = new FederationSpec();
        federation.federatedTargets = List.of(target);
        federation.partitioning = Map.of("region", name);
        return cluster(name, endpoint, ClusterRole.Partition, federation);
    }

    private static ADXCluster hub(String endpoint) {
        FederationSpec federation = new FederationSpec();
        federation.heartbeatDatabase = DemoClusters.HEARTBEAT_DATABASE;
        federation.heartbeatTable = DemoClusters.HEARTBEAT_TABLE;
        federation.heartbeatTTL = TTL.toSeconds() + "s";
        return cluster(DemoClusters.HUB, endpoint, ClusterRole.Federated, federation);
    }

    private static ADXCluster cluster(String name, String endpoint, ClusterRole role, FederationSpec federation) {
        ADXClusterSpec spec = new ADXClusterSpec();
        spec.clusterName = name;
        spec.endpoint = endpoint;
        spec.role = role;
        spec.federation = federation;
        ADXCluster cluster = new ADXCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).build());
        cluster.setSpec(spec);
        return cluster;
    }

    private void printClusters(Emulator emulator) {
        section("Clusters");
        for (VirtualCluster c : emulator.clusters()) {
            boolean isHub = c.name().equals(DemoClusters.HUB);
            List<String> databases = new ArrayList<>();
            c.catalog().snapshot().databases().forEach((db, database) -> databases.add(db
                    + (database.tables().isEmpty() ? "" : " (" + String.join(", ", database.tables().keySet()) + ")")));
            out.printf("  %-15s %-24s %-10s %s%n", c.name(), c.url(), isHub ? "hub" : "partition", String.join("; ", databases));
        }
    }

    private void printEntityGroups(Client query) {
        out.println();
        out.println("Entity groups on the hub (kept in every hub database):");
        Map<String, String> groups = new TreeMap<>();
        KustoResultSetTable rows = mgmt(query, "Metrics", ".show entity_groups");
        while (rows != null && rows.next()) {
            groups.put(rows.getString(0), members(rows.getString(1)));
        }
        groups.forEach((name, members) -> out.printf("  %-20s %s%n", name, members));
    }

    private void printFunctions(Client query) {
        out.println();
        out.println("Functions on the hub:");
        for (String database : List.of("Logs", "Metrics")) {
            KustoResultSetTable rows = mgmt(query, database, ".show functions");
            while (rows != null && rows.next()) {
                Matcher m = MEMBER_CLUSTER.matcher(rows.getString(2));
                int members = 0;
                while (m.find()) {
                    members++;
                }
                out.printf("  %-8s %-16s over %d partition(s)%n", database, rows.getString(0) + "()", members);
            }
        }
    }

    /** {@code ["cluster('http://...').database('Metrics')", ...]} as the partitions' names. */
    private String members(String entities) {
        List<String> members = new ArrayList<>();
        try {
            for (JsonNode entity : JSON.readTree(entities)) {
                Matcher m = MEMBER_CLUSTER.matcher(entity.asText());
                members.add(m.find() ? names.getOrDefault(m.group(1), m.group(1)) : entity.asText());
            }
        } catch (IOException e) {
            return entities;
        }
        return String.join(", ", members);
    }

    private boolean show(Client query, String title, String database, String text) {
        if (title != null) {
            out.printf("%n%s%n", title);
        }
        out.printf("  %s> %s%n", database, text);
        try {
            TextTable.of(query.executeQuery(database, text).getPrimaryResults(), 50).render().lines()
                    .forEach(line -> out.println("    " + line));
            return true;
        } catch (KustoDataExceptionBase e) {
            out.println("  failed: " + e.getMessage());
            return false;
        } finally {
            out.flush();
        }
    }

    private boolean run(Client query, String title, String database, String command) {
        out.printf("%n%s%n  %s> %s%n", title, database, command);
        boolean done = mgmt(query, database, command) != null;
        if (done) {
            out.println("  (created)");
        }
        return done;
    }

    private KustoResultSetTable mgmt(Client query, String database, String command) {
        try {
            return query.executeMgmt(database, command).getPrimaryResults();
        } catch (KustoDataExceptionBase e) {
            out.println("  failed: " + command + ": " + e.getMessage());
            return null;
        }
    }

    private boolean print(ClusterPass.Outcome outcome) {
        outcome.lines().forEach(out::println);
        out.flush();
        return outcome.succeeded();
    }

    private void section(String title) {
        out.printf("%n== %s%n", title);
    }
}
