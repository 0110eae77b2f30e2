package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;
import dev.adxfed.operator.kusto.CountingKusto;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables of one hub database, for the guard that a generated function never hides one: every
 * name, and which of them are adx-mon's placeholders, which may stay behind a function of their name.
 * Read in one command, plus one more only when an empty table shares a function's name: round trips
 * grow with databases, not tables. "Empty" is Kusto's own row count from extent metadata
 * ({@code .show tables details}), which scans no data.
 *
 * @param names        every table of the database
 * @param placeholders the empty tables with exactly adx-mon's OTLP columns
 */
public record HubTables(Set<String> names, Set<String> placeholders) {

    public static final HubTables NONE = new HubTables(Set.of(), Set.of());

    static final String DETAILS_COMMAND = ".show tables details | project TableName, TotalRowCount";

    /**
     * The columns adx-mon's Go operator gives the tables it creates on a hub under each function's name
     * (its otlpHubSchemaDefinition), by name and KQL type.
     */
    public static final Map<String, String> ADX_MON_PLACEHOLDER_COLUMNS = Map.of("Timestamp", "datetime",
            "ObservedTimestamp", "datetime", "TraceId", "string", "SpanId", "string", "SeverityText", "string",
            "SeverityNumber", "int", "Body", "dynamic", "Resource", "dynamic", "Attributes", "dynamic");

    /** {@code .show database schema} names column types as .NET does; the KQL names are accepted too. */
    private static final Map<String, String> KQL_TYPES = Map.of("System.DateTime", "datetime", "System.String", "string",
            "System.Int32", "int", "System.Object", "dynamic");

    public HubTables {
        names = Set.copyOf(names);
        placeholders = Set.copyOf(placeholders);
    }

    /** Whether a function of this name would hide a table that is not adx-mon's placeholder. */
    public boolean hides(String function) {
        return names.contains(function) && !placeholders.contains(function);
    }

    /** @param functionNames the functions the plan has for this database: only their empty namesakes are looked at */
    static HubTables read(CountingKusto cluster, String database, Collection<String> functionNames) {
        Map<String, Long> rows = new HashMap<>();
        for (KustoRow row : cluster.mgmt(Stage.TABLES_SHOW, database, DETAILS_COMMAND)) {
            Object count = row.get("TotalRowCount");
            rows.put(row.string("TableName"), count instanceof Number n ? n.longValue() : count == null ? 0 : Long.parseLong(count.toString()));
        }
        SortedSet<String> empty = new TreeSet<>();
        for (String name : functionNames) {
            if (rows.getOrDefault(name, -1L) == 0) {
                empty.add(name);
            }
        }
        Set<String> placeholders = new HashSet<>();
        if (!empty.isEmpty()) {
            Map<String, Map<String, String>> columns = new HashMap<>();
            for (KustoRow row : cluster.mgmt(Stage.TABLES_SHOW, database, columnsCommand(database, empty))) {
                columns.computeIfAbsent(row.string("TableName"), k -> new HashMap<>())
                        .put(row.string("ColumnName"), kqlType(row.string("ColumnType")));
            }
            columns.forEach((table, cols) -> {
                if (cols.equals(ADX_MON_PLACEHOLDER_COLUMNS)) {
                    placeholders.add(table);
                }
            });
        }
        return new HubTables(rows.keySet(), placeholders);
    }

    static String columnsCommand(String database, Collection<String> tables) {
        return ".show database " + KqlText.identifier(database) + " schema | where isnotempty(ColumnName) and TableName in ("
                + tables.stream().map(KqlText::string).collect(Collectors.joining(", "))
                + ") | project TableName, ColumnName, ColumnType";
    }

    private static String kqlType(String type) {
        return type == null ? "" : KQL_TYPES.getOrDefault(type, type);
    }
}
