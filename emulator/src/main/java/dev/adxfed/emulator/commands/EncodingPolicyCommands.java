package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.EncodingProfile;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.kql.syntax.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code .alter column T.C policy encoding type='X'} and {@code .show table|column ... policy encoding}, at the
 * column level only. A profile applies to what is ingested after it: stored values are not re-encoded.
 */
final class EncodingPolicyCommands {

    static final List<Column> POLICY = List.of(
            new Column("PolicyName", ScalarType.STRING),
            new Column("EntityName", ScalarType.STRING),
            new Column("Policy", ScalarType.STRING),
            new Column("ChildEntities", ScalarType.STRING),
            new Column("EntityType", ScalarType.STRING));

    private static final ObjectMapper JSON = new ObjectMapper();

    private EncodingPolicyCommands() {}

    static ResultTable alter(Command.AlterColumnEncoding command, CommandScope scope) {
        String databaseName = command.database() == null ? scope.database() : command.database();
        EncodingProfile profile = EncodingProfile.of(command.type()).orElseThrow(() -> KustoError.badArgument(
                "encoding policy type '" + command.type() + "' is not one of "
                        + java.util.Arrays.stream(EncodingProfile.values()).map(EncodingProfile::kustoName)
                        .collect(Collectors.joining(", "))));
        Database db = scope.catalog().updateDatabase(databaseName, current -> {
            Table table = current.table(command.table()).orElseThrow(() -> KustoError.notFound("Table", command.table()));
            Column column = table.column(command.column()).orElseThrow(() -> KustoError.notFound("Column",
                    command.table() + "." + command.column()));
            if (!profile.appliesTo(column.type())) {
                throw KustoError.badArgument("encoding policy type '" + profile.kustoName() + "' does not apply to column "
                        + command.table() + "." + command.column() + " of type " + column.type().kqlName());
            }
            return current.withTable(table.withEncoding(command.column(), profile));
        });
        Table table = db.table(command.table()).orElseThrow();
        return new ResultTable(POLICY, List.<Object[]>of(columnRow(db, table, command.column())));
    }

    static ResultTable show(Command.ShowEncodingPolicy command, CommandScope scope) {
        String databaseName = command.database() == null ? scope.database() : command.database();
        Database db = scope.catalog().database(databaseName).orElseThrow(() -> KustoError.notFound("Database", databaseName));
        Table table = db.table(command.table()).orElseThrow(() -> KustoError.notFound("Table", command.table()));
        List<Object[]> rows = new ArrayList<>();
        if (command.column() != null) {
            table.column(command.column()).orElseThrow(() -> KustoError.notFound("Column",
                    command.table() + "." + command.column()));
            rows.add(columnRow(db, table, command.column()));
        } else {
            String children = table.columns().stream().map(c -> "\"" + entity(db, table) + ".[" + c.name() + "]\"")
                    .collect(Collectors.joining(",", "[", "]"));
            rows.add(new Object[] {"EncodingPolicy", entity(db, table), "null", children, "Table"});
        }
        return new ResultTable(POLICY, rows);
    }

    /** A column with no profile set shows a null policy, as Kusto shows a policy that was never set. */
    private static Object[] columnRow(Database db, Table table, String column) {
        EncodingProfile profile = table.encoding(column);
        String policy = "null";
        if (profile != EncodingProfile.DEFAULT) {
            ObjectNode json = JSON.createObjectNode();
            json.put("EncodingProfile", profile.kustoName());
            json.put("MaxValueSize", profile.maxValueSize());
            policy = json.toString();
        }
        return new Object[] {"EncodingPolicy", entity(db, table) + ".[" + column + "]", policy, "null", "Column"};
    }

    private static String entity(Database db, Table table) {
        return "[" + db.name() + "].[" + table.name() + "]";
    }
}
