package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.Command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code .create table}, {@code .create-merge table}, {@code .drop table} and {@code .show tables}. */
final class TableCommands {

    static final List<Column> SHOW_TABLES = List.of(
            new Column("TableName", ScalarType.STRING),
            new Column("DatabaseName", ScalarType.STRING),
            new Column("Folder", ScalarType.STRING),
            new Column("DocString", ScalarType.STRING));

    /** What {@code .show tables details} adds to each table's row; the emulator keeps no extents or policies. */
    static final List<Column> SHOW_TABLES_DETAILS = List.of(
            new Column("TotalExtents", ScalarType.LONG),
            new Column("TotalExtentSize", ScalarType.REAL),
            new Column("TotalOriginalSize", ScalarType.REAL),
            new Column("TotalRowCount", ScalarType.LONG),
            new Column("HotExtents", ScalarType.LONG),
            new Column("HotExtentSize", ScalarType.REAL),
            new Column("HotOriginalSize", ScalarType.REAL),
            new Column("HotRowCount", ScalarType.LONG),
            new Column("AuthorizedPrincipals", ScalarType.STRING),
            new Column("RetentionPolicy", ScalarType.STRING),
            new Column("CachingPolicy", ScalarType.STRING),
            new Column("ShardingPolicy", ScalarType.STRING),
            new Column("MergePolicy", ScalarType.STRING),
            new Column("StreamingIngestionPolicy", ScalarType.STRING),
            new Column("IngestionBatchingPolicy", ScalarType.STRING),
            new Column("MinExtentsCreationTime", ScalarType.DATETIME),
            new Column("MaxExtentsCreationTime", ScalarType.DATETIME));

    static final List<Column> TABLE_SCHEMA = List.of(
            new Column("TableName", ScalarType.STRING),
            new Column("Schema", ScalarType.STRING),
            new Column("DatabaseName", ScalarType.STRING),
            new Column("Folder", ScalarType.STRING),
            new Column("DocString", ScalarType.STRING));

    static final List<Column> DROPPED = List.of(
            new Column("TableName", ScalarType.STRING),
            new Column("DatabaseName", ScalarType.STRING));

    private static final Set<String> PROPERTIES = Set.of("folder", "docstring");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableCommands() {}

    /**
     * Creates the table. As Kusto's CRUD convention says, a table of that name that exists already is
     * returned unchanged and the command succeeds, even when the columns, folder or docstring differ.
     */
    static ResultTable create(Command.CreateTable command, CommandScope scope) {
        CommandScope.requireValidName("Table", command.name(), command.position());
        List<Column> columns = columns(command.name(), command.columns());
        CommandProperties properties = CommandProperties.of(".create table", command.properties(), PROPERTIES);
        Database db = scope.catalog().updateDatabase(scope.database(), current -> {
            if (current.table(command.name()).isPresent()) {
                return current;
            }
            return current.withTable(new Table(command.name(), columns, properties.string("folder").orElse(""),
                    properties.string("docstring").orElse(""), List.of()));
        });
        return schemaRow(db, db.table(command.name()).orElseThrow());
    }

    /** Creates the table, or adds the columns it lacks; a column with another type is an error. */
    static ResultTable createMerge(Command.CreateMergeTable command, CommandScope scope) {
        CommandScope.requireValidName("Table", command.name(), command.position());
        List<Column> columns = columns(command.name(), command.columns());
        CommandProperties properties = CommandProperties.of(".create-merge table", command.properties(), PROPERTIES);
        Database db = scope.catalog().updateDatabase(scope.database(), current -> {
            Optional<Table> existing = current.table(command.name());
            if (existing.isEmpty()) {
                return current.withTable(new Table(command.name(), columns, properties.string("folder").orElse(""),
                        properties.string("docstring").orElse(""), List.of()));
            }
            Table table = existing.get();
            List<Column> merged = new ArrayList<>(table.columns());
            for (Column c : columns) {
                Optional<Column> old = table.column(c.name());
                if (old.isPresent() && old.get().type() != c.type()) {
                    throw KustoError.badArgument(".create-merge table " + command.name() + ": column " + c.name()
                            + " is " + old.get().type().kqlName() + ", cannot change it to " + c.type().kqlName());
                }
                if (old.isEmpty()) {
                    merged.add(c);
                }
            }
            Table result = table.withColumns(merged);
            if (!properties.isEmpty()) {
                result = result.withFolderAndDocString(properties.string("folder").orElse(table.folder()),
                        properties.string("docstring").orElse(table.docString()));
            }
            return current.withTable(result);
        });
        return schemaRow(db, db.table(command.name()).orElseThrow());
    }

    /** Drops the table; returns the tables that remain. */
    static ResultTable drop(Command.DropTable command, CommandScope scope) {
        Database db = scope.catalog().updateDatabase(scope.database(), current -> {
            if (current.table(command.name()).isEmpty()) {
                if (command.ifExists()) {
                    return current;
                }
                throw KustoError.notFound("Table", command.name());
            }
            return current.withoutTable(command.name());
        });
        List<Object[]> rows = new ArrayList<>();
        db.tables().values().forEach(t -> rows.add(new Object[] {t.name(), db.name()}));
        return new ResultTable(DROPPED, rows);
    }

    /**
     * Lists the tables, or only the named ones (each of which must exist); with details, also their row
     * counts as Kusto keeps them in extent metadata (one extent per table that holds rows, here).
     */
    static ResultTable show(Command.ShowTables command, CommandScope scope) {
        Database db = scope.currentDatabase();
        List<Table> tables = new ArrayList<>();
        if (command.names().isEmpty()) {
            tables.addAll(db.tables().values());
        } else {
            for (String name : command.names()) {
                tables.add(db.table(name).orElseThrow(() -> KustoError.notFound("Table", name)));
            }
        }
        List<Object[]> rows = new ArrayList<>();
        if (!command.details()) {
            tables.forEach(t -> rows.add(new Object[] {t.name(), db.name(), t.folder(), t.docString()}));
            return new ResultTable(SHOW_TABLES, rows);
        }
        for (Table t : tables) {
            long count = t.rows().size();
            long extents = count == 0 ? 0 : 1;
            rows.add(new Object[] {t.name(), db.name(), t.folder(), t.docString(), extents, 0.0, 0.0, count, extents, 0.0,
                    0.0, count, "[]", null, null, null, null, null, null, null, null});
        }
        List<Column> columns = new ArrayList<>(SHOW_TABLES);
        columns.addAll(SHOW_TABLES_DETAILS);
        return new ResultTable(columns, rows);
    }

    static List<Column> columns(String table, List<ColumnDeclaration> declarations) {
        if (declarations.isEmpty()) {
            throw KustoError.syntax("table " + table + " needs at least one column");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnDeclaration d : declarations) {
            CommandScope.requireValidName("Column", d.name(), d.position());
            ScalarType type = ScalarType.fromKqlName(d.type()).orElseThrow(() -> KustoError.badArgument(
                    "column " + d.name() + " of table " + table + " at " + d.position().line() + ":" + d.position().column()
                            + " has unknown type '" + d.type() + "'; types are bool, int, long, real, decimal, string, datetime, timespan, guid, dynamic"));
            if (!seen.add(d.name())) {
                throw KustoError.badArgument("table " + table + " declares column " + d.name() + " twice (at "
                        + d.position().line() + ":" + d.position().column() + ")");
            }
            columns.add(new Column(d.name(), type));
        }
        return columns;
    }

    static String cslSchema(List<Column> columns) {
        return columns.stream().map(c -> c.name() + ":" + c.type().kqlName()).collect(Collectors.joining(","));
    }

    /** The row of {@code .show table T schema as json}, which is what Kusto's create commands return. */
    private static ResultTable schemaRow(Database db, Table table) {
        return new ResultTable(TABLE_SCHEMA, List.<Object[]>of(new Object[] {table.name(), jsonSchema(table),
                db.name(), table.folder(), table.docString()}));
    }

    private static String jsonSchema(Table table) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("Name", table.name());
        schema.put("Folder", table.folder());
        schema.put("DocString", table.docString());
        ArrayNode ordered = schema.putArray("OrderedColumns");
        for (Column c : table.columns()) {
            ordered.addObject().put("Name", c.name()).put("Type", c.type().dotnetName()).put("CslType", c.type().kqlName())
                    .put("DocString", "");
        }
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw KustoError.internal("cannot write the schema of table " + table.name() + " as JSON: " + e.getMessage());
        }
    }
}
