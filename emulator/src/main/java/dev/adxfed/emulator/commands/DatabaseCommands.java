package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.CatalogSnapshot;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.Command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code .create database}, {@code .drop database} and {@code .show databases}. */
final class DatabaseCommands {

    static final String VERSION = "v1.0";

    static final List<Column> SHOW_DATABASES = List.of(
            new Column("DatabaseName", ScalarType.STRING),
            new Column("PersistentStorage", ScalarType.STRING),
            new Column("Version", ScalarType.STRING),
            new Column("IsCurrent", ScalarType.BOOL),
            new Column("DatabaseAccessMode", ScalarType.STRING),
            new Column("PrettyName", ScalarType.STRING),
            new Column("ReservedSlot1", ScalarType.BOOL),
            new Column("DatabaseId", ScalarType.GUID),
            new Column("InTransitionTo", ScalarType.STRING),
            new Column("SuspensionState", ScalarType.STRING));

    private DatabaseCommands() {}

    static ResultTable create(Command.CreateDatabase command, CommandScope scope, DatabaseMaking making) {
        refuseOnAzure(making, ".create database", command.name(), scope);
        CommandScope.requireValidName("Database", command.name(), command.position());
        if (command.persistence() == null) {
            throw KustoError.syntax(".create database " + command.name() + " at " + command.position().line() + ":"
                    + command.position().column() + " needs 'volatile' or 'persist (...)'");
        }
        boolean persistent = command.persistence().equalsIgnoreCase("persist");
        Database created = scope.catalog().createDatabase(command.name(), persistent, command.ifNotExists());
        return rows(List.of(created), scope);
    }

    static ResultTable drop(Command.DropDatabase command, CommandScope scope, DatabaseMaking making) {
        refuseOnAzure(making, ".drop database", command.name(), scope);
        CatalogSnapshot after = scope.catalog().update(snapshot -> {
            if (snapshot.database(command.name()).isEmpty()) {
                if (command.ifExists()) {
                    return snapshot;
                }
                throw KustoError.notFound("Database", command.name());
            }
            return snapshot.without(command.name());
        });
        return rows(List.copyOf(after.databases().values()), scope);
    }

    /** A regular ADX cluster makes and deletes databases through Azure Resource Manager only. */
    private static void refuseOnAzure(DatabaseMaking making, String command, String database, CommandScope scope) {
        if (making == DatabaseMaking.AZURE_RESOURCE_MANAGER) {
            throw KustoError.forbidden("The command '" + command + " " + database + "' is not allowed on cluster '"
                    + scope.context().cluster().name() + "': its databases are created and deleted through Azure Resource"
                    + " Manager (Microsoft.Kusto/clusters/databases), with the Azure portal, the Azure CLI or an ARM client");
        }
    }

    static ResultTable show(CommandScope scope) {
        return rows(List.copyOf(scope.catalog().snapshot().databases().values()), scope);
    }

    private static ResultTable rows(List<Database> databases, CommandScope scope) {
        List<Object[]> rows = new ArrayList<>();
        for (Database db : databases) {
            rows.add(new Object[] {db.name(), db.persistent() ? "persist" : "", VERSION, db.name().equals(scope.database()),
                    "ReadWrite", "", false, databaseId(db.name()), "", ""});
        }
        return new ResultTable(SHOW_DATABASES, rows);
    }

    /** Stable across restarts, so a client that keeps the id still finds the database. */
    static UUID databaseId(String name) {
        return UUID.nameUUIDFromBytes(("adxfed database " + name).getBytes(StandardCharsets.UTF_8));
    }
}
