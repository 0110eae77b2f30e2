package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.Script;

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

    public static Command parseCommand(String text) {
        return new CommandParser(new TokenCursor(new SourceText(text))).command();
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
