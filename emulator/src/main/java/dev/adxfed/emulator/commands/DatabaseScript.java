package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.kql.syntax.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code .execute database script <| commands}: runs the commands in order, each on its own (a
 * script is not a transaction), one result row per command. By default the first failure stops
 * the script and the rest are Skipped; with ContinueOnErrors=true every command runs; with
 * ThrowOnErrors=true the first failure fails the whole request with that command's error.
 */
final class DatabaseScript {

    static final List<Column> RESULT = List.of(
            new Column("OperationId", ScalarType.GUID),
            new Column("CommandType", ScalarType.STRING),
            new Column("CommandText", ScalarType.STRING),
            new Column("Result", ScalarType.STRING),
            new Column("Reason", ScalarType.STRING));

    private static final Set<String> PROPERTIES = Set.of("ContinueOnErrors", "ThrowOnErrors");

    private final ManagementCommands commands;

    DatabaseScript(ManagementCommands commands) {
        this.commands = commands;
    }

    ResultTable execute(Command.ExecuteDatabaseScript script, CommandScope scope) {
        CommandProperties properties = CommandProperties.of(".execute database script", script.properties(), PROPERTIES);
        boolean continueOnErrors = properties.bool("ContinueOnErrors", false);
        boolean throwOnErrors = properties.bool("ThrowOnErrors", false);
        if (continueOnErrors && throwOnErrors) {
            throw KustoError.badArgument(".execute database script: ContinueOnErrors and ThrowOnErrors cannot both be true");
        }
        if (script.commands().isEmpty()) {
            throw KustoError.syntax(".execute database script at " + script.position().line() + ":"
                    + script.position().column() + " has no commands after '<|'");
        }
        scope.currentDatabase();
        List<Object[]> rows = new ArrayList<>();
        boolean stopped = false;
        for (Command.ScriptCommand item : script.commands()) {
            String text = item.text().strip();
            if (stopped) {
                rows.add(new Object[] {UUID.randomUUID(), "", text, "Skipped", "an earlier command of the script failed"});
                continue;
            }
            String type = "";
            try {
                Command command = ManagementCommands.parse(text);
                type = ManagementCommands.commandType(command);
                if (command instanceof Command.ExecuteDatabaseScript) {
                    throw KustoError.badArgument("a database script cannot execute another database script");
                }
                Optional<String> injected = commands.faults().scriptCommandFailure(text);
                if (injected.isPresent()) {
                    throw KustoError.badArgument(injected.get());
                }
                commands.run(command, scope);
                rows.add(new Object[] {UUID.randomUUID(), type, text, "Completed", ""});
            } catch (KustoError e) {
                if (throwOnErrors) {
                    throw e.within("command at line " + item.position().line() + " of the script failed");
                }
                rows.add(new Object[] {UUID.randomUUID(), type, text, "Failed",
                        "line " + item.position().line() + ": " + e.getMessage()});
                stopped = !continueOnErrors;
            }
        }
        return new ResultTable(RESULT, rows);
    }
}
