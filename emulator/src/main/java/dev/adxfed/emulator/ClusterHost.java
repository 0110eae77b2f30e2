package dev.adxfed.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.emulator.EmulatorConfig.ClusterConfig;
import dev.adxfed.emulator.EmulatorConfig.DatabaseConfig;
import dev.adxfed.emulator.EmulatorConfig.TableConfig;
import dev.adxfed.emulator.catalog.CatalogStore;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.emulator.catalog.ValueText;
import dev.adxfed.emulator.commands.Caller;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.commands.DatabaseMaking;
import dev.adxfed.emulator.commands.FunctionValidator;
import dev.adxfed.emulator.commands.ManagementCommands;
import dev.adxfed.emulator.commands.TabularPipe;
import dev.adxfed.emulator.engine.QueryEngine;
import dev.adxfed.emulator.faults.FaultSwitch;
import dev.adxfed.emulator.server.ClusterServer;
import dev.adxfed.emulator.server.QueryRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one owner of this process's virtual clusters: it starts them (those of the configuration at start-up,
 * those Azure Resource Manager provisions at run time, each on its own port), registers them where
 * {@code cluster('...')} finds them, and stops them all. Safe to use from several threads.
 */
public final class ClusterHost implements AutoCloseable {

    private final String host;
    private final Path dataDir;
    private final Engine engine = Engine.load();
    private final ClusterDirectory directory = new ClusterDirectory();
    private final List<ClusterServer> servers = new CopyOnWriteArrayList<>();
    private final List<VirtualCluster> clusters = new CopyOnWriteArrayList<>();
    private boolean closed;

    /**
     * @param host    the address every cluster listens on
     * @param dataDir where configured clusters keep their databases; null keeps them in memory
     */
    public ClusterHost(String host, Path dataDir) {
        this.host = host;
        this.dataDir = dataDir;
    }

    /** The query engine's parts, as found on the class path. */
    private record Engine(QueryRunner queries, TabularPipe pipe, FunctionValidator validator) {
        static Engine load() {
            QueryRunner queries = QueryRunner.load();
            FunctionValidator validator = queries instanceof QueryEngine engine ? engine::validateFunction : FunctionValidator.NONE;
            return new Engine(queries, TabularPipe.load(), validator);
        }
    }

    /**
     * Starts a cluster of the configuration, as a free or development cluster: its databases are seeded unless
     * saved ones are found, and {@code .create database} runs on it.
     */
    public synchronized VirtualCluster start(ClusterConfig cluster) throws IOException {
        CatalogStore store = dataDir == null ? null : new CatalogStore(dataDir.resolve(cluster.name()));
        boolean saved = store != null && store.hasData();
        ClusterCatalog catalog = saved ? new ClusterCatalog(store.load()) : new ClusterCatalog();
        if (store != null) {
            catalog.onChange(store::save);
        }
        return serve(cluster.name(), cluster.port(), catalog, DatabaseMaking.KUSTO_COMMANDS,
                server -> {
                    if (!saved) {
                        seed(cluster, server);
                    }
                });
    }

    /**
     * Starts an empty cluster on a free port as a regular ADX cluster, whose databases are made through Azure
     * Resource Manager only. Its databases live in memory, as the ARM resources that describe them do.
     */
    public synchronized VirtualCluster startProvisioned(String name) throws IOException {
        return serve(name, 0, new ClusterCatalog(), DatabaseMaking.AZURE_RESOURCE_MANAGER, server -> { });
    }

    private VirtualCluster serve(String name, int port, ClusterCatalog catalog, DatabaseMaking making,
                                 Consumer<ClusterServer> setup)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("the emulator is stopped");
        }
        if (cluster(name).isPresent()) {
            throw new IllegalArgumentException("two clusters are named '" + name + "'");
        }
        CommandLog log = new CommandLog();
        FaultSwitch faults = new FaultSwitch();
        ManagementCommands commands = new ManagementCommands(log, engine.pipe(), engine.validator(), faults, making);
        ClusterServer server = ClusterServer.bind(name, host, port, catalog, directory, commands, engine.queries(), log);
        try {
            setup.accept(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.start();
        servers.add(server);
        VirtualCluster cluster = new VirtualCluster(name, server.endpoint(), catalog, log, faults);
        clusters.add(cluster);
        return cluster;
    }

    private static void seed(ClusterConfig cluster, ClusterServer server) {
        ClusterCatalog catalog = server.cluster().catalog();
        for (DatabaseConfig db : cluster.databases()) {
            try {
                catalog.createDatabase(db.name(), !db.isVolatile(), false);
            } catch (KustoError e) {
                throw new IllegalArgumentException("cluster '" + cluster.name() + "', database '" + db.name() + "': "
                        + e.getMessage(), e);
            }
            for (TableConfig table : db.tables()) {
                Table created = table(cluster.name() + "." + db.name(), table);
                catalog.updateDatabase(db.name(), database -> database.withTable(created));
            }
            Caller setup = new Caller("adxfed.emulator.setup;" + UUID.randomUUID(), UUID.randomUUID(), "adxfed", "adxfed emulator",
                    JsonNodeFactory.instance.objectNode());
            for (String command : db.commands()) {
                try {
                    server.execute(db.name(), command, setup);
                } catch (KustoError e) {
                    throw new IllegalArgumentException("cluster '" + cluster.name() + "', database '" + db.name()
                            + "': setup command failed: " + e.getMessage() + "\n  command: " + command, e);
                }
            }
        }
    }

    private static Table table(String where, TableConfig config) {
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, String> c : config.columns().entrySet()) {
            ScalarType type = ScalarType.fromKqlName(c.getValue()).orElseThrow(() -> new IllegalArgumentException(
                    where + "." + config.name() + ": column " + c.getKey() + " has unknown type '" + c.getValue() + "'"));
            columns.add(new Column(c.getKey(), type));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < config.rows().size(); r++) {
            List<JsonNode> values = config.rows().get(r);
            if (values.size() != columns.size()) {
                throw new IllegalArgumentException(where + "." + config.name() + ": row " + (r + 1) + " has "
                        + values.size() + " values for " + columns.size() + " columns");
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                JsonNode v = values.get(i);
                ScalarType type = columns.get(i).type();
                try {
                    row[i] = v == null || v.isNull() ? null
                            : type == ScalarType.DYNAMIC ? v
                            : ValueText.parse(type, v.isTextual() ? v.asText() : v.toString());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "." + config.name() + ": row " + (r + 1) + ", column "
                            + columns.get(i).name() + ": " + e.getMessage(), e);
                }
            }
            rows.add(row);
        }
        return Table.empty(config.name(), columns).withRowsAppended(rows);
    }

    /** The clusters started so far, in the order they started. */
    public List<VirtualCluster> clusters() {
        return List.copyOf(clusters);
    }

    public Optional<VirtualCluster> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Every cluster of this process, as {@code cluster('...')} resolves them. */
    public ClusterDirectory directory() {
        return directory;
    }

    /** The address the clusters listen on. */
    public String host() {
        return host;
    }

    @Override
    public synchronized void close() {
        closed = true;
        servers.forEach(ClusterServer::close);
        servers.clear();
    }
}
