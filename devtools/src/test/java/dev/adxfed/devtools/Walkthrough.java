package dev.adxfed.devtools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable parts of a Markdown page, in page order: {@code console} blocks, where a line starting with
 * {@code $ } is a command and the lines after it are what it prints, and {@code kusto} blocks preceded by
 * {@code <!-- runs in: DATABASE -->}, which must run on the hub without an error.
 */
record Walkthrough(List<Step> steps) {

    /** One thing the page tells a reader to run. */
    sealed interface Step {
        /** The page line it starts on, for failure messages. */
        int line();
    }

    /** A shell command and the output the page shows for it (stdout, then stderr, as a terminal shows them). */
    record Command(int line, String text, List<String> output) implements Step {}

    /** A query or command the page gives to run on the hub, in this database. */
    record Query(int line, String database, String text) implements Step {}

    private static final Pattern RUNS_IN = Pattern.compile("<!-- runs in: ([A-Za-z0-9_]+) -->");

    static Walkthrough of(String markdown) {
        List<Step> steps = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        String runsIn = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher annotation = RUNS_IN.matcher(line.strip());
            if (annotation.matches()) {
                runsIn = annotation.group(1);
                continue;
            }
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    runsIn = null;
                }
                continue;
            }
            String info = line.substring(3).strip();
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            List<String> body = lines.subList(start, end);
            if (info.equals("console")) {
                steps.addAll(commands(body, start + 1));
            } else if (info.equals("kusto") && runsIn != null) {
                steps.add(new Query(start + 1, runsIn, String.join("\n", body)));
            }
            runsIn = null;
            i = end;
        }
        return new Walkthrough(steps);
    }

    private static List<Command> commands(List<String> body, int firstLine) {
        List<Command> commands = new ArrayList<>();
        String text = null;
        int at = 0;
        List<String> output = new ArrayList<>();
        for (int j = 0; j < body.size(); j++) {
            String line = body.get(j);
            if (line.startsWith("$ ")) {
                if (text != null) {
                    commands.add(new Command(at, text, List.copyOf(output)));
                }
                text = line.substring(2);
                at = firstLine + j;
                output.clear();
            } else if (text != null) {
                output.add(line);
            }
        }
        if (text != null) {
            commands.add(new Command(at, text, List.copyOf(output)));
        }
        return commands;
    }

    /** A command line split into words as a POSIX shell splits it, for the quotes the pages use. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + command);
        }
        Optional.ofNullable(word).ifPresent(w -> words.add(w.toString()));
        return words;
    }
}
