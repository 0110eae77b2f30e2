package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text after {@code .execute database script <|} into commands, as Kusto does: a command
 * starts on a line whose first non-blank character is '.', and the {@code //} comment lines (and blank
 * lines) right before it belong to it.
 */
final class ScriptSplitter {

    private ScriptSplitter() {}

    static List<Command.ScriptCommand> split(SourceText source, int from) {
        String text = source.text();
        List<Integer> starts = new ArrayList<>();
        int pendingComment = -1;
        int lineStart = from;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.startsWith(".")) {
                starts.add(pendingComment >= 0 ? pendingComment : lineStart);
                pendingComment = -1;
            } else if (line.startsWith("//")) {
                if (pendingComment < 0) {
                    pendingComment = lineStart;
                }
            } else if (!line.isEmpty()) {
                if (starts.isEmpty()) {
                    throw source.error(lineStart + (text.substring(lineStart, lineEnd).length()
                            - text.substring(lineStart, lineEnd).stripLeading().length()), lineEnd,
                            "a script must start with a command: a line whose first character is '.'");
                }
                pendingComment = -1;
            }
            lineStart = lineEnd + 1;
        }
        if (starts.isEmpty()) {
            throw source.error(Math.min(from, text.length()), text.length(), "the script has no commands");
        }
        List<Command.ScriptCommand> commands = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String commandText = text.substring(start, end).stripTrailing();
            int firstVisible = start + (text.substring(start, end).length() - text.substring(start, end).stripLeading().length());
            commands.add(new Command.ScriptCommand(source.position(firstVisible), commandText.strip()));
        }
        return commands;
    }
}
