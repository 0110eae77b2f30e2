package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.server.QueryResult;

import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.EntityGroup;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.StoredFunction;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.emulator.server.QueryContext;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.adxfed.kql.syntax.EntityReference;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** In-memory virtual clusters for engine tests: catalogs in a directory, no HTTP. */
final class TestClusters {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    /** Every query text the tests of this JVM ran, for one batched check with Microsoft's parser. */
    private static final List<String> TEXTS = Collections.synchronizedList(new ArrayList<>());

    /** An emulator of one cluster on a free port, holding one empty database: what an SDK test fills itself. */
    static Emulator withEmptyDatabase(String cluster, String database) throws IOException {
        return Emulator.start(new EmulatorConfig("127.0.0.1", List.of(new EmulatorConfig.ClusterConfig(cluster, 0,
                List.of(new EmulatorConfig.DatabaseConfig(database, true, List.of(), List.of())))), null));
    }

    final ClusterDirectory directory = new ClusterDirectory();
    private final QueryEngine engine;

    TestClusters(RemoteClusters remote) {
        this.engine = new QueryEngine(remote);
    }

    TestClusters() {
        this((endpoint, database, query) -> {
            throw new RemoteClusters.ClusterUnreachable(endpoint, null);
        });
    }

    ClusterCatalog cluster(String name, int port) {
        ClusterCatalog catalog = new ClusterCatalog();
        directory.register(name, URI.create(endpoint(port)), catalog);
        return catalog;
    }

    static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }

    static void database(ClusterCatalog catalog, String name) {
        catalog.update(s -> s.with(Database.empty(name, false)));
    }

    /** Adds a table; {@code schema} as {@code a:long, b:string}; rows hold values of the column types. */
    static void table(ClusterCatalog catalog, String database, String name, String schema, Object[]... rows) {
        List<Column> columns = new ArrayList<>();
        for (String c : schema.split(",")) {
            String[] parts = c.trim().split(":");
            columns.add(new Column(parts[0].trim(), ScalarType.fromKqlName(parts[1].trim()).orElseThrow()));
        }
        if (catalog.database(database).isEmpty()) {
            database(catalog, database);
        }
        catalog.updateDatabase(database, db -> db.withTable(new Table(name, columns, "", "", Arrays.asList(rows))));
    }

    static void function(ClusterCatalog catalog, String database, String name, String body) {
        catalog.updateDatabase(database, db -> db.withFunction(new StoredFunction(name, List.of(), body, "", "", false)));
    }

    static void function(ClusterCatalog catalog, String database, String name, List<dev.adxfed.emulator.catalog.FunctionParameter> params,
                         String body) {
        catalog.updateDatabase(database, db -> db.withFunction(new StoredFunction(name, params, body, "", "", false)));
    }

    static void group(ClusterCatalog catalog, String database, String name, EntityReference... members) {
        catalog.updateDatabase(database, db -> db.withEntityGroup(new EntityGroup(name, List.of(members))));
    }

    QueryResult run(String cluster, String database, String query) {
        TEXTS.add(query);
        return engine.run(context(cluster, database), query);
    }

    /** Microsoft's parser accepts every text run so far: the engine's tests use only valid KQL. */
    static void assertMicrosoftParserAcceptsEveryText() {
        List<String> texts;
        synchronized (TEXTS) {
            texts = List.copyOf(TEXTS);
            TEXTS.clear();
        }
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!verdicts.get(i).valid()) {
                rejected.add(texts.get(i) + " -> " + verdicts.get(i).describe());
            }
        }
        assertThat(rejected).as("texts Microsoft's parser rejects").isEmpty();
    }

    QueryContext context(String cluster, String database) {
        ClusterDirectory.Entry entry = directory.resolve(cluster).orElseThrow();
        return new QueryContext(entry, directory, database, JsonNodeFactory.instance.objectNode(), NOW);
    }

    QueryEngine engine() {
        return engine;
    }

    /** The rows as lists, for exact comparison. */
    static List<List<Object>> rows(QueryResult result) {
        return result.table().rows().stream().map(r -> Arrays.asList(r.clone())).toList();
    }

    static List<String> columns(QueryResult result) {
        return result.table().columns().stream().map(c -> c.name() + ":" + c.type().kqlName()).toList();
    }

    static Object[] row(Object... values) {
        return values;
    }
}
