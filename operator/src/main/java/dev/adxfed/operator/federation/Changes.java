package dev.adxfed.operator.federation;

import java.util.List;

/**
 * What a diff found for one hub database: the commands to send, how many objects already match, and
 * the user's objects that stand where the operator's would.
 */
public record Changes(List<Command> commands, int inSync, List<Conflict> conflicts) {

    public static final Changes NONE = new Changes(List.of(), 0, List.of());

    public Changes {
        // Pending function writes stay pending: copying would write every command's text at once.
        commands = commands instanceof PendingCommands ? commands : List.copyOf(commands);
        conflicts = List.copyOf(conflicts);
    }
}
