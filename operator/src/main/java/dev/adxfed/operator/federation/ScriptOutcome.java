package dev.adxfed.operator.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What came of a database script, read from its per-command result rows (Result Completed, Failed
 * or Skipped, with a Reason): with ContinueOnErrors the request succeeds even when commands fail.
 * {@code done} lists the commands that completed, for what must follow a success (recording a drop).
 */
public record ScriptOutcome(Map<Command.Kind, Integer> completed, Map<Command.Kind, Integer> failed,
                            List<String> failures, List<Command> done) {

    /** One row of the script's result. */
    public record Row(String commandType, String commandText, String result, String reason) {}

    /** Rows follow the commands in order; a command with no row counts as failed. */
    public static ScriptOutcome read(DatabaseScript script, List<Row> rows) {
        Map<Command.Kind, Integer> completed = new TreeMap<>();
        Map<Command.Kind, Integer> failed = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<Command> done = new ArrayList<>();
        List<Command> commands = script.commands();
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            Row row = i < rows.size() ? rows.get(i) : null;
            if (row != null && "Completed".equalsIgnoreCase(row.result())) {
                completed.merge(command.kind(), 1, Integer::sum);
                done.add(command);
            } else {
                failed.merge(command.kind(), 1, Integer::sum);
                failures.add(command.kind().label() + " " + command.subject() + " in " + script.database() + ": "
                        + (row == null ? "no result row" : row.result() + " " + row.reason()));
            }
        }
        return new ScriptOutcome(completed, failed, failures, done);
    }

    /** Every command failed: the script itself was refused (sent, but not run). */
    public static ScriptOutcome refused(DatabaseScript script, String error) {
        Map<Command.Kind, Integer> failed = new TreeMap<>();
        script.commands().forEach(c -> failed.merge(c.kind(), 1, Integer::sum));
        return new ScriptOutcome(Map.of(), failed,
                List.of("script of " + script.commands().size() + " commands in " + script.database() + " failed: " + error),
                List.of());
    }
}
