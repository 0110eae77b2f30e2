package dev.adxfed.operator.federation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Commands for one database sent as {@code .execute database script with (ContinueOnErrors=true)}:
 * one round trip for many commands, and one failing command does not stop the rest.
 */
public record DatabaseScript(String database, List<Command> commands) {

    /** adx-mon's limit; Kusto documents none, but requests have a size cap. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final String HEADER = ".execute database script with (ContinueOnErrors=true) <|";

    public DatabaseScript {
        commands = List.copyOf(commands);
    }

    /**
     * Every generated command is one line starting with a dot, which is how the script tells
     * commands apart.
     */
    public String text() {
        StringBuilder text = new StringBuilder(HEADER);
        for (Command command : commands) {
            text.append('\n').append(command.text());
        }
        return text.toString();
    }

    /** Splits commands into scripts of at most {@code maxBytes} UTF-8 bytes; a larger command goes alone. */
    public static List<DatabaseScript> batches(String database, List<Command> commands, int maxBytes) {
        List<DatabaseScript> scripts = new ArrayList<>();
        forEachBatch(database, commands, maxBytes, scripts::add);
        return scripts;
    }

    /**
     * The same scripts, each handed on as soon as it is full: reading a pending command writes its text, so
     * only one script's commands are held at a time.
     */
    public static void forEachBatch(String database, Iterable<Command> commands, int maxBytes, Consumer<DatabaseScript> send) {
        List<Command> current = new ArrayList<>();
        int size = bytes(HEADER);
        for (Command command : commands) {
            if (command.text().indexOf('\n') >= 0 || command.text().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a script command must be one line: " + command.subject());
            }
            int added = 1 + bytes(command.text());
            if (!current.isEmpty() && size + added > maxBytes) {
                send.accept(new DatabaseScript(database, current));
                current = new ArrayList<>();
                size = bytes(HEADER);
            }
            current.add(command);
            size += added;
        }
        if (!current.isEmpty()) {
            send.accept(new DatabaseScript(database, current));
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
