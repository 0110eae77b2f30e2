package dev.adxfed.operator.cli;

import dev.adxfed.operator.federation.Command;
import dev.adxfed.operator.federation.HubDatabase;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A cluster that answers reads ({@code .show ...} and queries) from the real cluster but only
 * records commands that would change something, and answers them as if they completed. The
 * federation pass runs unchanged on top of it, so what is recorded is exactly what a sync would send.
 */
final class DryRunKusto implements Kusto {

    /** A command that was not sent, with the database it was for (null for cluster-level commands). */
    record Withheld(String database, String text) {}

    private final Kusto cluster;
    private final List<Withheld> withheld = new ArrayList<>();
    private final Set<String> pretendedDatabases = new HashSet<>();

    DryRunKusto(Kusto cluster) {
        this.cluster = cluster;
    }

    @Override
    public String endpoint() {
        return cluster.endpoint();
    }

    @Override
    public List<KustoRow> mgmt(Stage stage, String database, String command) {
        if (command.stripLeading().startsWith(".show")) {
            try {
                return cluster.mgmt(stage, database, command);
            } catch (KustoException e) {
                // A database this dry run pretended to create is empty, as it would be after the sync.
                if (database != null && (pretendedDatabases.contains(database)
                        || withheld.contains(new Withheld(null, HubDatabase.createCommand(database).text())))) {
                    return List.of();
                }
                throw e;
            }
        }
        withheld.add(new Withheld(database, command));
        return completedRows(command);
    }

    @Override
    public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
        cluster.query(stage, database, query, rows);
    }

    /** A provisioned hub's database, which a sync would make through Azure Resource Manager: recorded, not made. */
    Optional<Command> pretendArmDatabase(String database) {
        pretendedDatabases.add(database);
        withheld.add(new Withheld(null, "// Azure Resource Manager: create database " + database));
        return Optional.empty();
    }

    List<Withheld> withheld() {
        return List.copyOf(withheld);
    }

    /** A database script answers one row per command; in a script, commands start on lines beginning with a dot. */
    private static List<KustoRow> completedRows(String command) {
        if (!command.startsWith(".execute database script")) {
            return List.of();
        }
        String body = command.substring(command.indexOf("<|") + 2);
        List<KustoRow> rows = new ArrayList<>();
        body.lines().filter(line -> line.stripLeading().startsWith(".")).forEach(line -> {
            Map<String, Object> row = Map.of("CommandText", line.strip(), "Result", "Completed", "Reason", "");
            rows.add(row::get);
        });
        return rows;
    }
}
