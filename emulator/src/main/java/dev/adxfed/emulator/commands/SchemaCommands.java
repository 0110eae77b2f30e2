package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.EntityGroup;
import dev.adxfed.emulator.catalog.FunctionParameter;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.StoredFunction;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.syntax.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code .show database [D] schema} as rows, and {@code ... schema as json} as one JSON document. */
final class SchemaCommands {

    static final List<Column> SCHEMA = List.of(
            new Column("DatabaseName", ScalarType.STRING),
            new Column("TableName", ScalarType.STRING),
            new Column("ColumnName", ScalarType.STRING),
            new Column("ColumnType", ScalarType.STRING),
            new Column("IsDefaultTable", ScalarType.BOOL),
            new Column("IsDefaultColumn", ScalarType.BOOL),
            new Column("PrettyName", ScalarType.STRING),
            new Column("Version", ScalarType.STRING),
            new Column("Folder", ScalarType.STRING),
            new Column("DocString", ScalarType.STRING));

    static final List<Column> SCHEMA_JSON = List.of(new Column("DatabaseSchema", ScalarType.STRING));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_PROPERTIES = Set.of("Tables", "Functions", "ExternalTables", "MaterializedViews");

    private SchemaCommands() {}

    static ResultTable show(Command.ShowDatabaseSchema command, CommandScope scope) {
        String name = command.database() != null ? command.database() : scope.database();
        Database db = scope.catalog().database(name).orElseThrow(() -> KustoError.notFound("Database", name));
        if (command.asJson()) {
            CommandProperties properties = CommandProperties.of(".show database schema as json", command.properties(), JSON_PROPERTIES);
            return new ResultTable(SCHEMA_JSON, List.<Object[]>of(new Object[] {json(db, properties)}));
        }
        CommandProperties.of(".show database schema", command.properties(), Set.of());
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {db.name(), "", "", "", false, false, "", DatabaseCommands.VERSION, "", ""});
        for (Table t : db.tables().values()) {
            rows.add(new Object[] {db.name(), t.name(), "", "", false, false, "", "", t.folder(), t.docString()});
            for (Column c : t.columns()) {
                rows.add(new Object[] {db.name(), t.name(), c.name(), c.type().dotnetName(), false, false, "", "", "", ""});
            }
        }
        return new ResultTable(SCHEMA, rows);
    }

    /**
     * Tables are listed unless {@code Tables=false}; functions when no property is given or with
     * {@code Functions=true}, so one call can give tables, views and their columns.
     */
    private static String json(Database db, CommandProperties properties) {
        boolean all = properties.isEmpty();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode d = root.putObject("Databases").putObject(db.name());
        d.put("Name", db.name());
        ObjectNode tables = d.putObject("Tables");
        if (properties.bool("Tables", true)) {
            for (Table t : db.tables().values()) {
                ObjectNode table = tables.putObject(t.name());
                table.put("Name", t.name());
                table.put("EntityType", "Table");
                columns(table.putArray("OrderedColumns"), t.columns());
                table.put("Folder", t.folder());
                table.put("DocString", t.docString());
            }
        }
        d.putObject("ExternalTables");
        d.putObject("MaterializedViews");
        ObjectNode functions = d.putObject("Functions");
        if (all || properties.bool("Functions", false)) {
            for (StoredFunction f : db.functions().values()) {
                ObjectNode function = functions.putObject(f.name());
                function.put("Name", f.name());
                ArrayNode parameters = function.putArray("InputParameters");
                for (FunctionParameter p : f.parameters()) {
                    ObjectNode parameter = parameters.addObject();
                    parameter.put("Name", p.name());
                    p.scalarType().ifPresentOrElse(type -> {
                        parameter.put("Type", type.dotnetName());
                        parameter.put("CslType", type.kqlName());
                    }, () -> parameter.put("CslType", p.type()));
                    if (p.defaultValue() != null) {
                        parameter.put("CslDefaultValue", p.defaultValue());
                    }
                }
                function.put("Body", f.body());
                function.put("Folder", f.folder());
                function.put("DocString", f.docString());
                function.put("FunctionKind", f.view() ? "ViewFunction" : "Unknown");
                function.putArray("OutputColumns");
            }
        }
        ObjectNode groups = d.putObject("EntityGroups");
        for (EntityGroup g : db.entityGroups().values()) {
            ArrayNode members = groups.putArray(g.name());
            g.entities().stream().map(KqlText::entity).forEach(members::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw KustoError.internal("cannot write the schema of " + db.name() + " as JSON: " + e.getMessage());
        }
    }

    private static void columns(ArrayNode out, List<Column> columns) {
        for (Column c : columns) {
            ObjectNode column = out.addObject();
            column.put("Name", c.name());
            column.put("Type", c.type().dotnetName());
            column.put("CslType", c.type().kqlName());
        }
    }
}
