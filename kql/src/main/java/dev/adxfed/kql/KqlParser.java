package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.Script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses KQL text into the syntax tree of {@code dev.adxfed.kql.syntax}. Every failure is a
 * {@link KqlSyntaxException} naming what was wrong and where; syntax this parser does not support is an
 * error naming it, never a silently different tree.
 */
public final class KqlParser {

    private KqlParser() {}

    /** A management command when the text starts with '.' (after blanks and comments), a query otherwise. */
    public static Script parse(String text) {
        return isCommand(text) ? parseCommand(text) : parseQuery(text);
    }

    public static Query parseQuery(String text) {
        return new QueryParser(new TokenCursor(new SourceText(text))).query();
    }

    /**
     * One command, or several on lines of their own as Kusto's tools send them (a {@link Command.Other}
     * named {@code (several commands)} once each of them parsed).
     */
    public static Command parseCommand(String text) {
        int next = nextCommandBlock(text);
        if (next < 0) {
            return new CommandParser(new TokenCursor(new SourceText(text))).command();
        }
        parseCommand(text.substring(0, next));
        parseCommand(blankedBefore(text, next));
        return new Command.Other(new SourceText(text).position(firstVisible(text)), "(several commands)", text.strip());
    }

    /**
     * Where a second command starts: a line starting with '.' and a letter (after any comment lines), before
     * any {@code <|} (whose data or script may hold such lines); -1 when there is none.
     */
    private static int nextCommandBlock(String text) {
        int limit = text.indexOf("<|");
        Matcher m = NEXT_BLOCK.matcher(text);
        while (m.find()) {
            if (limit >= 0 && m.start() > limit) {
                return -1;
            }
            if (!isCommentOnly(text.substring(0, m.start()))) {
                return m.end() - 2;
            }
        }
        return -1;
    }

    private static final Pattern NEXT_BLOCK = Pattern.compile("\\n(?:[ \\t]*(?://[^\\n]*)?\\r?\\n)*[ \\t]*\\.[a-z]");

    /** The text with everything before {@code from} blanked (newlines kept), so that positions stay those of the whole text. */
    private static String blankedBefore(String text, int from) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < from; i++) {
            b.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
        return b.append(text, from, text.length()).toString();
    }

    private static boolean isCommentOnly(String text) {
        return text.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("//"));
    }

    private static int firstVisible(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * {@code cluster('c').database('d')}, {@code database('d')} or {@code cluster('c')}, in any string
     * literal form Kusto writes or accepts: the one way adxfed reads an entity group's members back.
     */
    public static EntityReference parseEntityReference(String text) {
        return new QueryParser(new TokenCursor(new SourceText(text))).onlyEntityReference();
    }

    /** Whether the first character that is not a blank or in a {@code //} comment is '.'. */
    public static boolean isCommand(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline + 1;
            } else {
                return c == '.';
            }
        }
        return false;
    }
}
