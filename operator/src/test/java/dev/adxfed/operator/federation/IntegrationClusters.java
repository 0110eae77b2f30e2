package dev.adxfed.operator.federation;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.kql.KqlText;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The clusters of the integration suite, set up under a unique prefix ({@code adxfedit_<8 hex>_})
 * and cleaned up by {@link #close()}, whatever the tests did: every table, function and entity group
 * whose name starts with the prefix, in every database of every cluster, and the databases the
 * suite created; then it checks that none is left. On pre-created databases it also drops the ownership record table when it was
 * not there before. It touches no other name.
 *
 * <p>A partition heartbeats every database it has, as the operator does, so a partition may hold
 * only the suite's databases: the hub would otherwise federate everything else on it. This is
 * checked before anything is created.
 */
final class IntegrationClusters implements AutoCloseable {

    final String prefix = "adxfedit_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
    final String hub;
    final List<String> partitions;
    /** The partition databases, on the hub and every partition. */
    final List<String> databases;
    final String heartbeatDatabase;
    private final boolean ownDatabases;
    private final KustoConnector kusto;
    private final Emulator emulator;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    private IntegrationClusters(IntegrationTarget target, KustoConnector kusto, Emulator emulator) {
        this.kusto = kusto;
        this.emulator = emulator;
        if (emulator != null) {
            hub = emulator.cluster("hub").orElseThrow().url();
            partitions = emulator.clusters().stream().filter(c -> !c.name().equals("hub")).map(c -> c.url()).toList();
        } else {
            hub = target.hub().orElseThrow();
            partitions = target.partitions();
        }
        ownDatabases = target.databases().isEmpty();
        databases = ownDatabases ? List.of(prefix + "Metrics", prefix + "Logs") : target.databases();
        heartbeatDatabase = ownDatabases ? prefix + "Heartbeats" : target.heartbeatDatabase().orElseThrow();
    }

    /** @param target where to run; in-process it starts three empty emulator partitions and an empty hub */
    static IntegrationClusters start(IntegrationTarget target, KustoConnector kusto) throws Exception {
        Emulator emulator = null;
        if (target.inProcess()) {
            List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>();
            for (String name : List.of("p1", "p2", "p3", "hub")) {
                clusters.add(new EmulatorConfig.ClusterConfig(name, 0, List.of()));
            }
            emulator = Emulator.start(new EmulatorConfig(EmulatorConfig.DEFAULT_HOST, clusters, null));
        }
        IntegrationClusters suite = new IntegrationClusters(target, kusto, emulator);
        try {
            suite.prepare();
        } catch (Exception | AssertionError e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /** The group name pattern of the suite's hub: every group it makes starts with the prefix. */
    String entityGroupNamePattern() {
        return (ownDatabases ? "" : prefix) + FederationSettings.DATABASE_PLACEHOLDER + "_Partitions";
    }

    /** The partitions' table in the first database. */
    String cpuTable() {
        return prefix + "Cpu";
    }

    /** The partitions' table in the last database (the first, when there is one). */
    String tracesTable() {
        return prefix + "Traces";
    }

    String tracesDatabase() {
        return databases.get(databases.size() - 1);
    }

    Kusto connect(String endpoint) {
        return kusto.connect(endpoint, null);
    }

    private void prepare() {
        cleanup.push(this::dropLeftovers);
        for (String partition : partitions) {
            Set<String> present = databases(partition);
            Set<String> others = new TreeSet<>(present);
            databases.forEach(others::remove);
            if (!others.isEmpty()) {
                throw new IllegalStateException("partition " + partition + " holds databases that are not the suite's: " + others
                        + ". A partition heartbeats every database it has, so the hub would federate them: use clusters"
                        + " that hold only the databases in " + IntegrationTarget.DATABASES);
            }
            if (ownDatabases) {
                databases.forEach(database -> create(partition, database));
            } else if (!present.containsAll(databases)) {
                Set<String> missing = new TreeSet<>(databases);
                missing.removeAll(present);
                throw new IllegalStateException("partition " + partition + " lacks " + missing + " of " + IntegrationTarget.DATABASES);
            }
        }
        // With its own databases, the hub's are made by the federation pass (as on Kustainer and the emulator).
        if (!ownDatabases) {
            Set<String> missing = new TreeSet<>(databases);
            missing.removeAll(databases(hub));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the hub " + hub + " lacks " + missing + " of " + IntegrationTarget.DATABASES);
            }
            if (!tables(hub, heartbeatDatabase).contains(OwnershipRecord.TABLE)) {
                cleanup.push(() -> mgmt(hub, heartbeatDatabase, ".drop table " + OwnershipRecord.TABLE + " ifexists"));
            }
        }
    }

    private void create(String cluster, String database) {
        try {
            mgmt(cluster, null, ".create database " + KqlText.identifier(database) + " volatile");
        } catch (KustoException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + cluster + " (ADX creates databases"
                    + " in Azure only): create databases for the suite and name them in " + IntegrationTarget.DATABASES
                    + ". Kusto said: " + e.getMessage(), e);
        }
    }

    /** A table, function or entity group of the suite, by the command that drops it. */
    private record Leftover(String cluster, String database, String drop) {}

    /** Every object whose name starts with the prefix, in every database of every cluster, and the suite's own databases. */
    private List<Leftover> leftovers() {
        List<Leftover> leftovers = new ArrayList<>();
        for (String cluster : concat(partitions, hub)) {
            for (String database : databases(cluster)) {
                if (ownDatabases && database.startsWith(prefix)) {
                    leftovers.add(new Leftover(cluster, null, ".drop database " + KqlText.identifier(database) + " ifexists"));
                    continue;
                }
                for (KustoRow group : mgmt(cluster, database, ".show entity_groups")) {
                    if (group.string("Name").startsWith(prefix)) {
                        leftovers.add(new Leftover(cluster, database, ".drop entity_group " + KqlText.identifier(group.string("Name"))));
                    }
                }
                for (KustoRow function : mgmt(cluster, database, ".show functions")) {
                    if (function.string("Name").startsWith(prefix)) {
                        leftovers.add(new Leftover(cluster, database, ".drop function " + KqlText.identifier(function.string("Name"))));
                    }
                }
                for (String table : tables(cluster, database)) {
                    if (table.startsWith(prefix)) {
                        leftovers.add(new Leftover(cluster, database, ".drop table " + KqlText.identifier(table) + " ifexists"));
                    }
                }
            }
        }
        return leftovers;
    }

    /** Drops what carries the prefix everywhere, so a failed or interrupted run leaves nothing of this run behind. */
    private void dropLeftovers() {
        for (Leftover leftover : leftovers()) {
            mgmt(leftover.cluster(), leftover.database(), leftover.drop());
        }
    }

    Set<String> databases(String cluster) {
        Set<String> names = new TreeSet<>();
        mgmt(cluster, null, ".show databases").forEach(r -> names.add(r.string("DatabaseName")));
        return names;
    }

    private Set<String> tables(String cluster, String database) {
        Set<String> names = new TreeSet<>();
        mgmt(cluster, database, ".show tables").forEach(r -> names.add(r.string("TableName")));
        return names;
    }

    List<KustoRow> mgmt(String cluster, String database, String command) {
        return connect(cluster).mgmt(Stage.SCHEMA_READ, database, command);
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    /** Runs every cleanup step, the last registered first, even when some fail; then reports the failures. */
    @Override
    public void close() {
        IllegalStateException failed = null;
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().run();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = new IllegalStateException("cleanup of " + prefix + " did not finish; drop what is left by hand");
                }
                failed.addSuppressed(e);
            }
        }
        if (failed == null) {
            try {
                List<Leftover> left = leftovers();
                if (!left.isEmpty()) {
                    failed = new IllegalStateException("cleanup of " + prefix + " left " + left);
                }
            } catch (RuntimeException e) {
                failed = new IllegalStateException("cannot check the cleanup of " + prefix, e);
            }
        }
        if (emulator != null) {
            emulator.close();
        }
        if (failed != null) {
            throw failed;
        }
    }
}
