package dev.adxfed.kql;

import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What KqlText writes, our parser reads back to the same name or value. */
class KqlTextRoundTripTest {

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> nasty = Arbitraries.strings()
                .withChars("'\"\\\n\r\t\u0000\u0007\u001f\u007f ab[]{}()|;.-_$@hé漢")
                .ofMaxLength(20);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(20);
        return Arbitraries.oneOf(nasty, unicode, Arbitraries.of("", "where", "views", "true", "1day", "a-b", "😀", "\uD800"));
    }

    @Property(tries = 300)
    void stringLiteralsReadBackAsTheSameString(@ForAll("anyText") String value) {
        Expression e = printed("print x = " + KqlText.string(value));

        assertThat(e).isEqualTo(new Expression.Literal(e.position(), dev.adxfed.kql.syntax.LiteralType.STRING, value));
    }

    @Property(tries = 300)
    void identifiersReadBackAsTheSameName(@ForAll("anyText") String name) {
        if (name.isEmpty()) {
            return;
        }
        var query = KqlParser.parseQuery("T | project " + KqlText.identifier(name) + " = 1, " + KqlText.identifier(name));

        var pipe = (TabularExpression.Pipe) ((Statement.Tabular) query.statements().get(0)).expression();
        var project = (TabularOperator.Project) pipe.operator();
        assertThat(project.columns().get(0).name()).isEqualTo(name);
        assertThat(((Expression.Name) project.columns().get(1).expression()).name()).isEqualTo(name);
    }

    @Property(tries = 300)
    void entitiesReadBackAsTheSameClusterAndDatabase(@ForAll("anyText") String cluster, @ForAll("anyText") String database) {
        var query = KqlParser.parseQuery("macro-expand entity_group [" + KqlText.entity(cluster, database) + "] as X (X.T)");

        var expand = (TabularExpression.MacroExpand) ((Statement.Tabular) query.statements().get(0)).expression();
        EntityReference entity = ((TabularExpression.InlineEntityGroup) expand.group()).entities().get(0);
        assertThat(entity.cluster()).isEqualTo(cluster);
        assertThat(entity.database()).isEqualTo(database);
    }

    @Property(tries = 300)
    void timespansReadBackAsTheSameDuration(@ForAll @LongRange(min = -922_337_203_685_477_580L, max = 922_337_203_685_477_580L) long ticks) {
        Duration d = Duration.ofSeconds(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * 100);

        assertThat(printed("print x = ago(" + KqlText.timespan(d) + ")"))
                .isInstanceOfSatisfying(Expression.Call.class, call ->
                        assertThat(((Expression.Literal) call.arguments().get(0)).value()).isEqualTo(d));
    }

    @Property(tries = 300)
    void datetimesReadBackAsTheSameInstant(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
                                           @ForAll @LongRange(min = 0, max = 9_999_999) long ticks) {
        Instant t = Instant.ofEpochSecond(seconds, ticks * 100);

        assertThat(((Expression.Literal) printed("print x = " + KqlText.datetime(t))).value()).isEqualTo(t);
    }

    private static Expression printed(String text) {
        var print = (TabularExpression.Print) ((Statement.Tabular) KqlParser.parseQuery(text).statements().get(0)).expression();
        NamedExpression column = print.columns().get(0);
        return column.expression();
    }
}
