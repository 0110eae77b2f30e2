package dev.adxfed.operator.federation;

import java.util.List;

/** What a diff found for one hub database: the commands to send and how many objects already match. */
public record Changes(List<Command> commands, int inSync) {

    public static final Changes NONE = new Changes(List.of(), 0);

    public Changes {
        commands = List.copyOf(commands);
    }
}
