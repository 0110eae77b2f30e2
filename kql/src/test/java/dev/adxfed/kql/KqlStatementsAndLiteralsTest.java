package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements, literal forms and the generic operators of the KQL reference parse into nodes an engine can inspect. */
class KqlStatementsAndLiteralsTest {

    private static TabularExpression lastTabular(String text) {
        Query query = KqlParser.parseQuery(text);
        return ((Statement.Tabular) query.statements().get(query.statements().size() - 1)).expression();
    }

    @Test
    void aliasRestrictAndPatterns() {
        Query query = KqlParser.parseQuery("""
                alias database Logs = cluster('https://help.kusto.windows.net').database('Samples');
                restrict access to (StormEvents, database('Samples').*, Pop*);
                declare pattern App = (id:string)[scope:string] { ('a1').['Data'] = { print x = 1 }; };
                App('a1').Data
                """);
        var alias = (Statement.Alias) query.statements().get(0);
        assertThat(alias.name()).isEqualTo("Logs");
        assertThat(alias.database().database()).isEqualTo("Samples");
        assertThat(((Statement.Restrict) query.statements().get(1)).entities())
                .containsExactly("StormEvents", "database('Samples').*", "Pop*");
        var pattern = (Statement.DeclarePattern) query.statements().get(2);
        assertThat(pattern.parameters()).hasSize(1);
        assertThat(pattern.path().get(0).name()).isEqualTo("scope");
        assertThat(pattern.definitions()).startsWith("{").endsWith("}");
        var pipe = (TabularExpression.Pipe) lastTabular("declare pattern App; App('a1').['Data'] | count");
        var reference = (TabularExpression.PatternReference) pipe.input();
        assertThat(reference.pattern()).isEqualTo("App");
        assertThat(reference.path()).isEqualTo("Data");
    }

    @Test
    void datetimeForms() {
        var print = (TabularExpression.Print) lastTabular(
                "print datetime(2025, 6, 1), datetime(\"2015-01-01\"), datetime(2025, 6, 1, 13, 30, 15.5)");
        assertThat(((Expression.Literal) print.columns().get(0).expression()).value()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(((Expression.Literal) print.columns().get(1).expression()).value()).isEqualTo(Instant.parse("2015-01-01T00:00:00Z"));
        assertThat(((Expression.Literal) print.columns().get(2).expression()).value()).isEqualTo(Instant.parse("2025-06-01T13:30:15.500Z"));
        assertThatThrownBy(() -> KqlParser.parseQuery("print datetime(2025, 13, 1)")).isInstanceOf(KqlSyntaxException.class);
    }

    @Test
    void dynamicLiteralsAreCheckedAsJson() {
        var print = (TabularExpression.Print) lastTabular("print dynamic({\"a\": [1, -2.5, null, datetime(2020-01-01), 'x', ['y']]})");
        assertThat(((Expression.Literal) print.columns().get(0).expression()).value())
                .isEqualTo("{\"a\": [1, -2.5, null, datetime(2020-01-01), 'x', ['y']]}");
        assertThatThrownBy(() -> KqlParser.parseQuery("print dynamic([1,,2])")).hasMessageContaining("is not a value");
        assertThatThrownBy(() -> KqlParser.parseQuery("print dynamic({a: 1})")).hasMessageContaining("a key must be a string");
    }

    @Test
    void otherOperatorsKeepTheirPartsAndSubqueries() {
        var fork = (TabularOperator.Generic) ((TabularExpression.Pipe) lastTabular(
                "T | fork (where x > 1 | take 3) (summarize count())")).operator();
        assertThat(fork.name()).isEqualTo("fork");
        assertThat(fork.subqueries()).hasSize(2);
        var take = (TabularExpression.Pipe) fork.subqueries().get(0);
        assertThat(((TabularExpression.Pipe) take.input()).input()).isInstanceOf(TabularExpression.Input.class);

        var topNested = (TabularOperator.Generic) ((TabularExpression.Pipe) lastTabular(
                "T | top-nested 3 of State by sum(Damage), top-nested 2 of Source by count()")).operator();
        assertThat(topNested.expressions()).isNotEmpty();

        var find = (TabularExpression.Standalone) lastTabular("find in (T1, T2) where Level == 'Error'");
        assertThat(((TabularOperator.Generic) find.operator()).name()).isEqualTo("find");

        assertThatThrownBy(() -> KqlParser.parseQuery("T | top-nested 3 of")).hasMessageContaining("after 'of'");
        assertThatThrownBy(() -> KqlParser.parseQuery("T | frobnicate")).hasMessageContaining("expected a query operator");
    }

    @Test
    void commandsOnLinesOfTheirOwn() {
        var several = (Command.Other) KqlParser.parseCommand(".drop function A\n.drop function B\n\n// and then\n.show tables");
        assertThat(several.name()).isEqualTo("(several commands)");
        assertThatThrownBy(() -> KqlParser.parseCommand(".drop function A\n.show tabels")).isInstanceOf(KqlSyntaxException.class);
        assertThat(KqlParser.parseCommand("// the tables\n.show tables")).isInstanceOf(Command.ShowTables.class);
    }
}
