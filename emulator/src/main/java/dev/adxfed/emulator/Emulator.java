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
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.emulator.catalog.ValueText;
import dev.adxfed.emulator.commands.Caller;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.commands.FunctionValidator;
import dev.adxfed.emulator.commands.ManagementCommands;
import dev.adxfed.emulator.commands.TabularPipe;
import dev.adxfed.emulator.engine.QueryEngine;
import dev.adxfed.emulator.faults.FaultSwitch;
import dev.adxfed.emulator.server.ClusterServer;
import dev.adxfed.emulator.server.QueryRunner;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The emulator: several virtual Kusto clusters in one process, each on its own port. For tests:
 * <pre>
 * try (Emulator emulator = Emulator.startClusters(2)) {
 *     Client client = ClientFactory.createClient(new ConnectionStringBuilder(emulator.endpoint().toString()));
 *     ...
 * }
 * </pre>
 */
public final class Emulator implements AutoCloseable {

    private final ClusterDirectory directory = new ClusterDirectory();
    private final List<ClusterServer> servers = new ArrayList<>();
    private final List<VirtualCluster> clusters = new ArrayList<>();

    private Emulator() {
    }

    /** Starts {@code n} clusters with the sample databases, on free ports, in memory. */
    public static Emulator startClusters(int n) throws IOException {
        return start(EmulatorConfig.sample(n));
    }

    /** Starts the clusters of {@code config}; if any fails to start, none is left running. */
    public static Emulator start(EmulatorConfig config) throws IOException {
        if (config.clusters().isEmpty()) {
            throw new IllegalArgumentException("the configuration lists no clusters");
        }
        Emulator emulator = new Emulator();
        try {
            Engine engine = Engine.load();
            for (ClusterConfig cluster : config.clusters()) {
                emulator.startCluster(config, cluster, engine);
            }
            return emulator;
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** The query engine's parts, as found on the class path. */
    private record Engine(QueryRunner queries, TabularPipe pipe, FunctionValidator validator) {
        static Engine load() {
            QueryRunner queries = QueryRunner.load();
            FunctionValidator validator = queries instanceof QueryEngine engine ? engine::validateFunction : FunctionValidator.NONE;
            return new Engine(queries, TabularPipe.load(), validator);
        }
    }

    private void startCluster(EmulatorConfig config, ClusterConfig cluster, Engine engine) throws IOException {
        if (clusters.stream().anyMatch(c -> c.name().equalsIgnoreCase(cluster.name()))) {
            throw new IllegalArgumentException("two clusters are named '" + cluster.name() + "'");
        }
        CatalogStore store = config.dataDir() == null ? null : new CatalogStore(config.dataDir().resolve(cluster.name()));
        boolean saved = store != null && store.hasData();
        ClusterCatalog catalog = saved ? new ClusterCatalog(store.load()) : new ClusterCatalog();
        if (store != null) {
            catalog.onChange(store::save);
        }
        CommandLog log = new CommandLog();
        FaultSwitch faults = new FaultSwitch();
        ManagementCommands commands = new ManagementCommands(log, engine.pipe(), engine.validator(), faults);
        ClusterServer server;
        try {
            server = ClusterServer.bind(cluster.name(), config.host(), cluster.port(), catalog, directory, commands,
                    engine.queries(), log);
        } catch (BindException e) {
            throw new IOException("cluster '" + cluster.name() + "' cannot listen on " + config.host() + ":" + cluster.port()
                    + " (" + e.getMessage() + "); choose another port", e);
        }
        servers.add(server);
        if (!saved) {
            seed(cluster, catalog, server);
        }
        server.start();
        clusters.add(new VirtualCluster(cluster.name(), server.endpoint(), catalog, log, faults));
    }

    private static void seed(ClusterConfig cluster, ClusterCatalog catalog, ClusterServer server) {
        for (DatabaseConfig db : cluster.databases()) {
            Database database = Database.empty(db.name(), !db.isVolatile());
            for (TableConfig table : db.tables()) {
                database = database.withTable(table(cluster.name() + "." + db.name(), table));
            }
            Database created = database;
            catalog.update(snapshot -> {
                if (snapshot.database(created.name()).isPresent()) {
                    throw new IllegalArgumentException("cluster '" + cluster.name() + "' lists database '" + created.name() + "' twice");
                }
                return snapshot.with(created);
            });
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

    public List<VirtualCluster> clusters() {
        return List.copyOf(clusters);
    }

    public Optional<VirtualCluster> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The fault switch of the named cluster, to make it fail in tests, e.g.
     * {@code emulator.faults("hub").inject(Fault.throttle().matching("^\\.show entity_groups").times(1))}.
     */
    public FaultSwitch faults(String clusterName) {
        return cluster(clusterName).map(VirtualCluster::faults)
                .orElseThrow(() -> new IllegalArgumentException("no cluster is named '" + clusterName + "'"));
    }

    /** The endpoint of the first cluster. */
    public URI endpoint() {
        return clusters.get(0).endpoint();
    }

    /** Every cluster of this process, as {@code cluster('...')} resolves them. */
    public ClusterDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        servers.forEach(ClusterServer::close);
        servers.clear();
    }
}
