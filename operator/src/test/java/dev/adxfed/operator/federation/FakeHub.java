package dev.adxfed.operator.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub cluster in memory for tests of the federation pass: databases, tables, entity groups and
 * functions, applied from the commands and scripts the pass sends, with failures on demand.
 */
final class FakeHub implements Kusto {

    private static final String NAME = "(\\['(?:[^'\\\\]|\\\\.)*'\\]|[A-Za-z0-9_]+)";
    private static final Pattern GROUP = Pattern.compile("^\\.(create|alter) entity_group " + NAME + " \\((.*)\\)$");
    private static final Pattern DROP_GROUP = Pattern.compile("^\\.drop entity_group " + NAME + "$");
    private static final Pattern FUNCTION = Pattern.compile(
            "^\\.create-or-alter function with \\(folder='([^']*)', skipvalidation=\"true\"\\) " + NAME + "\\(\\) (\\{.*\\})$");
    private static final Pattern DROP_FUNCTION = Pattern.compile("^\\.drop function " + NAME + " ifexists$");
    private static final String RECORD = ".ingest inline into table AdxfedOwnership <|\n";
    private static final Pattern ENTITY = Pattern.compile("cluster\\('(?:[^'\\\\]|\\\\.)*'\\)\\.database\\('(?:[^'\\\\]|\\\\.)*'\\)");
    private static final Pattern CREATE_DATABASE = Pattern.compile("^\\.create database " + NAME + " persist .*");
    private static final Pattern CREATE_TABLE = Pattern.compile("^\\.create-merge table " + NAME + " .*");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sent(String database, String text) {}

    final Set<String> databases = new TreeSet<>();
    final Map<String, Set<String>> tables = new HashMap<>();
    /** Rows and columns of the tables a test gives them: the others are empty and have no columns. */
    final Map<String, Long> tableRows = new HashMap<>();
    final Map<String, Map<String, String>> tableColumns = new HashMap<>();
    final Map<String, Map<String, List<String>>> groups = new HashMap<>();
    final Map<String, Map<String, String>> functions = new HashMap<>();
    final Map<String, Map<String, String>> folders = new HashMap<>();
    /** Ownership rows as ingested: HubDatabase, Name, Action, in order. */
    final List<String[]> ownershipRows = new ArrayList<>();
    final List<Map<String, Object>> heartbeatRows = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    private final List<BiPredicate<String, String>> failing = new ArrayList<>();
    boolean databaseCreationAllowed = true;
    /** Function bodies that left the hub in .show functions results. */
    int bodiesSent;

    FakeHub(String... databases) {
        this.databases.addAll(List.of(databases));
    }

    FakeHub failing(Predicate<String> text) {
        failing.add((database, t) -> text.test(t));
        return this;
    }

    FakeHub failingIn(String database, Predicate<String> text) {
        failing.add((db, t) -> database.equals(db) && text.test(t));
        return this;
    }

    void heartbeat(String endpoint, String schemaJson) {
        heartbeat(endpoint, schemaJson, "2026-11-25T10:00:00.0000000Z");
    }

    /** A partition's heartbeat row, in the heartbeat table, which a partition can write only once the hub made it. */
    void heartbeat(String endpoint, String schemaJson, String timestamp) {
        databases.add("FederationHeartbeats");
        tables.computeIfAbsent("FederationHeartbeats", k -> new TreeSet<>()).add("Heartbeat");
        heartbeatRows.add(Map.of("ClusterEndpoint", endpoint, "Timestamp", timestamp, "Schema", schemaJson));
    }

    /** A table of the hub with its columns and how many rows it holds. */
    void table(String database, String name, long rows, Map<String, String> columns) {
        databases.add(database);
        tables.computeIfAbsent(database, k -> new TreeSet<>()).add(name);
        tableRows.put(database + "." + name, rows);
        tableColumns.put(database + "." + name, columns);
    }

    /** A user's function: no folder. */
    void userFunction(String database, String name, String body) {
        functions(database).put(name, body);
        folders.computeIfAbsent(database, k -> new TreeMap<>()).put(name, "");
    }

    Map<String, List<String>> groups(String database) {
        return groups.computeIfAbsent(database, k -> new TreeMap<>());
    }

    Map<String, String> functions(String database) {
        return functions.computeIfAbsent(database, k -> new TreeMap<>());
    }

    /** DDL sent: every command that changes something, inside scripts or alone. */
    /** The {@code .alter column ... policy encoding} commands the hub was sent. */
    final List<String> encodingsAltered = new ArrayList<>();

    List<String> ddl() {
        List<String> ddl = new ArrayList<>();
        for (Sent s : sent) {
            if (s.text().startsWith(".execute database script")) {
                List<String> lines = s.text().lines().toList();
                ddl.addAll(lines.subList(1, lines.size()));
            } else if (s.text().startsWith(".create") || s.text().startsWith(".alter") || s.text().startsWith(".drop")) {
                ddl.add(s.text());
            }
        }
        return ddl;
    }

    @Override
    public String endpoint() {
        return "http://hub.test";
    }

    @Override
    public List<KustoRow> mgmt(Stage stage, String database, String command) {
        sent.add(new Sent(database, command));
        refuseIfFailing(stage, database, command);
        List<Map<String, Object>> rows = new ArrayList<>();
        Matcher m;
        if (command.equals(".show databases")) {
            databases.forEach(db -> rows.add(Map.of("DatabaseName", db)));
        } else if ((m = CREATE_DATABASE.matcher(command)).matches()) {
            if (!databaseCreationAllowed) {
                throw new KustoException(stage, endpoint(), database, "databases are created in Azure here", null);
            }
            databases.add(unquote(m.group(1)));
        } else if (command.equals(".show tables")) {
            tables.getOrDefault(database, Set.of()).forEach(t -> rows.add(Map.of("TableName", t, "DatabaseName", database)));
        } else if (command.equals(HubTables.DETAILS_COMMAND)) {
            tables.getOrDefault(database, Set.of()).forEach(t -> rows.add(Map.of("TableName", t,
                    "TotalRowCount", tableRows.getOrDefault(database + "." + t, 0L))));
        } else if (command.startsWith(".show database ") && command.contains(" schema | where isnotempty(ColumnName)")) {
            tables.getOrDefault(database, Set.of()).stream().filter(t -> command.contains("'" + t + "'"))
                    .forEach(t -> tableColumns.getOrDefault(database + "." + t, Map.of()).forEach((column, type) ->
                            rows.add(Map.of("TableName", t, "ColumnName", column, "ColumnType", type))));
        } else if ((m = CREATE_TABLE.matcher(command)).matches()) {
            tables.computeIfAbsent(database, k -> new TreeSet<>()).add(unquote(m.group(1)));
        } else if (command.startsWith(".alter column ") && command.endsWith(" policy encoding type='BigObject32'")) {
            encodingsAltered.add(command);
        } else if (command.equals(".show entity_groups")) {
            groups(database).forEach((name, entities) -> rows.add(Map.of("Name", name, "Entities", json(entities))));
        } else if (command.equals(ExistingFunction.showCommand("adxfed"))) {
            functions(database).forEach((name, body) -> {
                String folder = folders.getOrDefault(database, Map.of()).getOrDefault(name, "");
                bodiesSent += folder.equals("adxfed") || !body.contains("macro-expand") ? 0 : 1;
                rows.add(Map.of("Name", name, "Parameters", "()", "Folder", folder,
                        "BodyHash", FunctionFingerprint.of(body),
                        "Body", folder.equals("adxfed") || !body.contains("macro-expand") ? "" : body));
            });
        } else if (command.startsWith(RECORD)) {
            command.substring(RECORD.length()).lines().forEach(line -> {
                String[] cells = line.split(",");
                ownershipRows.add(new String[] {cells[1], cells[3], cells[4]});
            });
        } else if (command.startsWith(".execute database script with (ContinueOnErrors=true) <|\n")) {
            command.lines().skip(1).forEach(line -> rows.add(runInScript(database, line)));
        } else {
            throw new KustoException(stage, endpoint(), database, "unexpected command " + command, null);
        }
        return rows.stream().map(r -> (KustoRow) r::get).toList();
    }

    @Override
    public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
        sent.add(new Sent(database, query));
        refuseIfFailing(stage, database, query);
        if (query.startsWith("AdxfedOwnership |")) {
            Map<List<String>, String> newest = new HashMap<>();
            ownershipRows.forEach(r -> newest.put(List.of(r[0], r[1]), r[2]));
            newest.forEach((key, action) -> {
                if (action.equals("created")) {
                    rows.accept(Map.of("HubDatabase", key.get(0), "Name", key.get(1))::get);
                }
            });
            return;
        }
        if (!tables.getOrDefault(database, Set.of()).contains("Heartbeat")) {
            throw new KustoException(stage, endpoint(), database, "SEM0100: failed to resolve table 'Heartbeat'", null);
        }
        if (query.contains("| summarize Partitions = count()")) {
            rows.accept(Map.<String, Object>of("Partitions", (long) heartbeatRows.size(), "Bytes", 100L * heartbeatRows.size())::get);
        } else if (query.startsWith("let Rows = ")) {
            groupedHeartbeats().forEach((schema, partitions) ->
                    rows.accept(Map.<String, Object>of("Schema", schema, "Partitions", partitions)::get));
        } else {
            throw new KustoException(stage, endpoint(), database, "unexpected query " + query, null);
        }
    }

    /** The page query's answer: one row per distinct Schema with the partitions that sent it. */
    private Map<String, ArrayNode> groupedHeartbeats() {
        Map<String, ArrayNode> bySchema = new LinkedHashMap<>();
        heartbeatRows.forEach(r -> bySchema.computeIfAbsent((String) r.get("Schema"), s -> JSON.createArrayNode())
                .addObject().put("ClusterEndpoint", (String) r.get("ClusterEndpoint")).put("Timestamp", (String) r.get("Timestamp")));
        return bySchema;
    }

    private void refuseIfFailing(Stage stage, String database, String text) {
        if (!text.startsWith(".execute") && failing.stream().anyMatch(p -> p.test(database, text))) {
            throw new KustoException(stage, endpoint(), database, "refused by the test", null);
        }
    }

    private Map<String, Object> runInScript(String database, String line) {
        String reason = failing.stream().anyMatch(p -> p.test(database, line)) ? "refused by the test" : apply(database, line);
        return Map.of("CommandType", line.split(" ")[0], "CommandText", line,
                "Result", reason == null ? "Completed" : "Failed", "Reason", reason == null ? "" : reason);
    }

    /** Null when applied, else why not. */
    private String apply(String database, String line) {
        Matcher m;
        if ((m = GROUP.matcher(line)).matches()) {
            String name = unquote(m.group(2));
            boolean exists = groups(database).containsKey(name);
            if (m.group(1).equals("create") == exists) {
                return "entity group " + name + (exists ? " already exists" : " does not exist");
            }
            List<String> entities = new ArrayList<>();
            Matcher e = ENTITY.matcher(m.group(3));
            while (e.find()) {
                entities.add(e.group());
            }
            groups(database).put(name, entities);
            return null;
        }
        if ((m = DROP_GROUP.matcher(line)).matches()) {
            return groups(database).remove(unquote(m.group(1))) == null ? "no such entity group" : null;
        }
        if ((m = FUNCTION.matcher(line)).matches()) {
            functions(database).put(unquote(m.group(2)), m.group(3));
            folders.computeIfAbsent(database, k -> new TreeMap<>()).put(unquote(m.group(2)), m.group(1));
            return null;
        }
        if ((m = DROP_FUNCTION.matcher(line)).matches()) {
            functions(database).remove(unquote(m.group(1)));
            return null;
        }
        return "unexpected command in script: " + line;
    }

    private static String unquote(String name) {
        return name.startsWith("['") ? name.substring(2, name.length() - 2).replace("\\'", "'").replace("\\\\", "\\") : name;
    }

    private static String json(List<String> entities) {
        try {
            return JSON.writeValueAsString(entities);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
