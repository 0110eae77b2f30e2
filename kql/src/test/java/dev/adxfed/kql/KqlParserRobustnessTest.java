package dev.adxfed.kql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThatCode;

/** Whatever the text, the parser answers with a tree or a KqlSyntaxException, never another exception. */
class KqlParserRobustnessTest {

    private static final String[] PIECES = {
            "T", "X", "G", "a", "b", "Cpu", "(", ")", "[", "]", "{", "}", "|", ",", ";", ".", "..", "=", "==", "!=", "<", ">",
            "+", "-", "*", "/", "%", ":", "<|", "'s'", "\"d\"", "@'v'", "h'o'", "'", "\"", "1", "2.5", "1h", "0x1F",
            "datetime(2026-01-01)", "datetime(", "timespan(01:00:00)", "guid(", "dynamic({\"a\":[1]})", "dynamic([",
            "let", "where", "project", "project-away", "project-rename", "extend", "summarize", "by", "take", "top",
            "sort", "order", "asc", "desc", "nulls", "first", "distinct", "count", "join", "kind", "on", "$left",
            "$right", "mv-expand", "to", "typeof", "as", "getschema", "union", "withsource", "isfuzzy", "true",
            "macro-expand", "entity_group", "cluster", "database", "print", "range", "from", "step", "datatable",
            "has", "!has", "in", "!in", "in~", "between", "matches", "regex", "and", "or", "not", "toscalar", "ago",
            ".create", ".alter", ".drop", ".show", "table", "function", "tables", "functions", "databases", "schema",
            "json", "with", "ifnotexists", "ifexists", "inline", "into", ".ingest", ".execute", "script", "\n", "//c\n",
            "view", "long", "string", "X.T", "d['k']", "d[0]"};

    @Provide
    Arbitrary<String> kqlish() {
        return Arbitraries.of(PIECES).list().ofMaxSize(14).map(pieces -> String.join(" ", pieces));
    }

    @Property(tries = 1500)
    void everyTextParsesOrFailsWithASyntaxError(@ForAll("kqlish") String text) {
        assertThatCode(() -> {
            try {
                KqlParser.parse(text);
            } catch (KqlSyntaxException expected) {
                if (expected.line() < 1 || expected.column() < 1 || expected.offset() < 0 || expected.offset() > text.length()) {
                    throw new AssertionError("bad position in " + expected.getMessage());
                }
            }
        }).as(text).doesNotThrowAnyException();
    }

    @Property(tries = 500)
    void arbitraryCharactersParseOrFailWithASyntaxError(@ForAll String text) {
        assertThatCode(() -> {
            try {
                KqlParser.parse(text);
            } catch (KqlSyntaxException expected) {
                // a syntax error is a fine answer
            }
        }).as(text).doesNotThrowAnyException();
    }
}
