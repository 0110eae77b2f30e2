package dev.adxfed.kql;

import dev.adxfed.kql.syntax.BinaryOperator;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.LiteralType;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.SortKey;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class KqlQueryParserTest {

    private static TabularExpression tabular(String text) {
        Query query = KqlParser.parseQuery(text);
        return ((Statement.Tabular) query.statements().get(query.statements().size() - 1)).expression();
    }

    private static TabularOperator lastOperator(String text) {
        return ((TabularExpression.Pipe) tabular(text)).operator();
    }

    private static Expression scalar(String expression) {
        var print = (TabularExpression.Print) tabular("print " + expression);
        return print.columns().get(0).expression();
    }

    private static Object value(String literal) {
        return ((Expression.Literal) scalar(literal)).value();
    }

    @Test
    void theHeartbeatQueryParsesIntoAPipeline() {
        var summarize = (TabularOperator.Summarize) lastOperator(
                "Heartbeat | where Timestamp > ago(timespan(01:00:00)) | summarize arg_max(Timestamp, *) by ClusterEndpoint");

        var argMax = (Expression.Call) summarize.aggregates().get(0).expression();
        assertThat(argMax.function()).isEqualTo("arg_max");
        assertThat(argMax.arguments().get(1)).isInstanceOf(Expression.Star.class);
        assertThat(summarize.by()).extracting(NamedExpression::expression)
                .containsExactly(new Expression.Name(summarize.by().get(0).expression().position(), "ClusterEndpoint"));

        var where = (TabularOperator.Where) ((TabularExpression.Pipe) ((TabularExpression.Pipe) tabular(
                "Heartbeat | where Timestamp > ago(timespan(01:00:00)) | count")).input()).operator();
        var greater = (Expression.Binary) where.predicate();
        assertThat(greater.operator()).isEqualTo(BinaryOperator.GREATER);
        var ago = (Expression.Call) greater.right();
        assertThat(((Expression.Literal) ago.arguments().get(0)).value()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void literalsCarryTheirJavaValues() {
        assertThat(value("42")).isEqualTo(42L);
        assertThat(value("0x1F")).isEqualTo(31L);
        assertThat(value("1.5")).isEqualTo(1.5);
        assertThat(value("1e3")).isEqualTo(1000.0);
        assertThat(value("int(7)")).isEqualTo(7);
        assertThat(value("long(null)")).isNull();
        assertThat(value("real(nan)")).isEqualTo(Double.NaN);
        assertThat(value("decimal(1.25)")).isEqualTo(new BigDecimal("1.25"));
        assertThat(value("true")).isEqualTo(true);
        assertThat(value("bool(False)")).isEqualTo(false);
        assertThat(value("'it\\'s'")).isEqualTo("it's");
        assertThat(value("\"a\\\"b\\\\c\\n\\t\\u00e9\"")).isEqualTo("a\"b\\c\n\té");
        assertThat(value("@'c:\\temp'")).isEqualTo("c:\\temp");
        assertThat(value("@\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(value("h'secret'")).isEqualTo("secret");
        assertThat(value("'a' \"b\"")).isEqualTo("ab");
        assertThat(value("```two\nlines```")).isEqualTo("two\nlines");
        assertThat(value("datetime(2026-11-25)")).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(value("datetime(2026-11-25 12:30)")).isEqualTo(Instant.parse("2026-11-25T12:30:00Z"));
        assertThat(value("datetime(2026-11-25T12:00:00.1234567Z)")).isEqualTo(Instant.parse("2026-11-25T12:00:00.1234567Z"));
        assertThat(value("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)"))
                .isEqualTo(UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"));
        assertThat(value("dynamic({\"a\": [1, \")\"]})")).isEqualTo("{\"a\": [1, \")\"]}");
        assertThat(((Expression.Literal) scalar("dynamic(null)")).type()).isEqualTo(LiteralType.DYNAMIC);
    }

    @Test
    void timespanLiteralsInEveryForm() {
        assertThat(value("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(value("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(value("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(value("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(value("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(value("1tick")).isEqualTo(Duration.ofNanos(100));
        assertThat(value("1microsecond")).isEqualTo(Duration.ofNanos(1000));
        assertThat(value("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(value("10minutes")).isEqualTo(Duration.ofMinutes(10));
        assertThat(value("timespan(01:00:00)")).isEqualTo(Duration.ofHours(1));
        assertThat(value("timespan(1.02:03:04.5)")).isEqualTo(Duration.parse("P1DT2H3M4.5S"));
        assertThat(value("timespan(-00:30:00)")).isEqualTo(Duration.ofMinutes(-30));
        assertThat(value("timespan(2d)")).isEqualTo(Duration.ofDays(2));
        assertThat(value("time(1)")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void precedenceFollowsKusto() {
        var or = (Expression.Binary) scalar("a == 1 and b < 2 + 3 * 4 or c");
        assertThat(or.operator()).isEqualTo(BinaryOperator.OR);
        var and = (Expression.Binary) or.left();
        assertThat(and.operator()).isEqualTo(BinaryOperator.AND);
        var less = (Expression.Binary) ((Expression.Binary) and.right());
        assertThat(less.operator()).isEqualTo(BinaryOperator.LESS);
        var plus = (Expression.Binary) less.right();
        assertThat(plus.operator()).isEqualTo(BinaryOperator.ADD);
        assertThat(((Expression.Binary) plus.right()).operator()).isEqualTo(BinaryOperator.MULTIPLY);

        var minus = (Expression.Binary) scalar("10 - 2 - 3");
        assertThat(((Expression.Binary) minus.left()).operator()).isEqualTo(BinaryOperator.SUBTRACT);
        assertThat(scalar("-x")).isInstanceOf(Expression.Negate.class);
        assertThat(value("-5")).isEqualTo(-5L);
        assertThat(value("-1.5")).isEqualTo(-1.5);
        assertThat(value("-1h")).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void stringOperatorsAndTheirNegations() {
        assertThat(((Expression.Binary) scalar("a has 'x'")).operator()).isEqualTo(BinaryOperator.HAS);
        assertThat(((Expression.Binary) scalar("a !contains_cs 'x'")).operator()).isEqualTo(BinaryOperator.NOT_CONTAINS_CS);
        assertThat(((Expression.Binary) scalar("a !startswith 'x'")).operator()).isEqualTo(BinaryOperator.NOT_STARTSWITH);
        assertThat(((Expression.Binary) scalar("a endswith_cs 'x'")).operator()).isEqualTo(BinaryOperator.ENDSWITH_CS);
        assertThat(((Expression.Binary) scalar("a matches regex '^x'")).operator()).isEqualTo(BinaryOperator.MATCHES_REGEX);
        assertThat(((Expression.Binary) scalar("a =~ 'x'")).operator()).isEqualTo(BinaryOperator.EQUAL_IGNORE_CASE);
        assertThat(((Expression.Binary) scalar("a !~ 'x'")).operator()).isEqualTo(BinaryOperator.NOT_EQUAL_IGNORE_CASE);

        var in = (Expression.In) scalar("a !in~ ('x', 'y')");
        assertThat(in.operator()).isEqualTo(Expression.InOperator.NOT_IN_IGNORE_CASE);
        assertThat(in.candidates()).hasSize(2);
        assertThat(((Expression.In) scalar("a has_any ('x')")).operator()).isEqualTo(Expression.InOperator.HAS_ANY);
        var between = (Expression.Between) scalar("a !between (1 .. 10)");
        assertThat(between.negated()).isTrue();
        assertThat(((Expression.Literal) between.high()).value()).isEqualTo(10L);
    }

    @Test
    void inTakesATabularExpression() {
        var in = (Expression.In) ((TabularOperator.Where) lastOperator("T | where a in (U | project a)")).predicate();
        assertThat(in.candidates()).singleElement().isInstanceOf(Expression.TabularValue.class);
    }

    @Test
    void dynamicAccessByMemberAndIndex() {
        var member = (Expression.Member) scalar("d.a.b");
        assertThat(member.member()).isEqualTo("b");
        assertThat(((Expression.Member) member.target()).member()).isEqualTo("a");
        var byName = (Expression.Index) scalar("d['views']");
        assertThat(((Expression.Literal) byName.index()).value()).isEqualTo("views");
        var byPosition = (Expression.Index) scalar("d[0]");
        assertThat(((Expression.Literal) byPosition.index()).value()).isEqualTo(0L);
        assertThat(((Expression.Member) scalar("d.['views']")).member()).isEqualTo("views");
    }

    @Test
    void keywordPropertiesNeedBrackets() {
        var e = catchThrowableOfType(KqlSyntaxException.class, () -> KqlParser.parseQuery("T | where s.views == 1"));

        assertThat(e.getMessage()).contains("'views' is a keyword").contains("['views']").contains("on line [1,13]");
        assertThat(e.column()).isEqualTo(13);
    }

    @Test
    void sourcesOfEveryKind() {
        assertThat(tabular("Heartbeat")).isInstanceOfSatisfying(TabularExpression.TableName.class,
                t -> assertThat(t.name()).isEqualTo("Heartbeat"));
        assertThat(tabular("['my-table']")).isInstanceOfSatisfying(TabularExpression.TableName.class,
                t -> assertThat(t.name()).isEqualTo("my-table"));
        assertThat(tabular("database('Metrics').Cpu")).isInstanceOfSatisfying(TabularExpression.QualifiedTable.class,
                t -> assertThat(List.of(String.valueOf(t.cluster()), t.database(), t.table())).containsExactly("null", "Metrics", "Cpu"));
        assertThat(tabular("cluster('http://h:1').database('Db').['T 1']")).isInstanceOfSatisfying(TabularExpression.QualifiedTable.class,
                t -> assertThat(List.of(t.cluster(), t.database(), t.table())).containsExactly("http://h:1", "Db", "T 1"));
        assertThat(tabular("Cpu()")).isInstanceOfSatisfying(TabularExpression.FunctionCall.class,
                f -> assertThat(f.arguments()).isEmpty());
        assertThat(tabular("GetMetrics(10, 'a')")).isInstanceOfSatisfying(TabularExpression.FunctionCall.class,
                f -> assertThat(f.arguments()).hasSize(2));
        var datatable = (TabularExpression.Datatable) tabular("datatable(a:long, b:string) [1, 'x', 2, 'y']");
        assertThat(datatable.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("a:long", "b:string");
        assertThat(datatable.values()).hasSize(4);
        var range = (TabularExpression.Range) tabular("range x from 1 to 10 step 2");
        assertThat(((Expression.Literal) range.step()).value()).isEqualTo(2L);
        var union = (TabularExpression.Union) tabular("union withsource=Src kind=inner isfuzzy=true T, (U | count)");
        assertThat(union.options()).isEqualTo(new TabularExpression.UnionOptions("inner", "Src", true));
        assertThat(union.tables()).hasSize(2);
    }

    @Test
    void macroExpandWithEveryKindOfGroup() {
        var stored = (TabularExpression.MacroExpand) tabular(
                "macro-expand kind=inner isfuzzy=true best_effort=true Metrics_Partitions as X ( X.Cpu | summarize count() by bin(Timestamp, 5m) )");
        assertThat(stored.options()).isEqualTo(new TabularExpression.MacroExpandOptions("inner", true, true));
        assertThat(stored.group()).isInstanceOfSatisfying(TabularExpression.NamedEntityGroup.class,
                g -> assertThat(g.name()).isEqualTo("Metrics_Partitions"));
        assertThat(stored.scope()).isEqualTo("X");
        var body = (TabularExpression.Pipe) ((Statement.Tabular) stored.body().get(0)).expression();
        assertThat(body.input()).isInstanceOfSatisfying(TabularExpression.ScopedTable.class,
                s -> assertThat(s.scope() + "." + s.table()).isEqualTo("X.Cpu"));

        var inline = (TabularExpression.MacroExpand) tabular(
                "macro-expand entity_group [cluster('c1').database('Db'), database('Other')] as X ( X.T | extend d = X.$current_database )");
        assertThat(((TabularExpression.InlineEntityGroup) inline.group()).entities())
                .extracting(EntityReference::cluster, EntityReference::database)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "Db"), org.assertj.core.groups.Tuple.tuple(null, "Other"));
        var extend = (TabularOperator.Extend) ((TabularExpression.Pipe) ((Statement.Tabular) inline.body().get(0)).expression()).operator();
        assertThat(((Expression.Member) extend.columns().get(0).expression()).member()).isEqualTo("$current_database");

        Query let = KqlParser.parseQuery("let G = entity_group [cluster('c').database('d')]; macro-expand G as X (X.T)");
        assertThat(((Statement.Let) let.statements().get(0)).value()).isInstanceOf(Statement.EntityGroupValue.class);
    }

    @Test
    void macroExpandWithBracesIsASyntaxError() {
        assertThatThrownBy(() -> KqlParser.parseQuery("macro-expand G as X { X.T | count }"))
                .isInstanceOf(KqlSyntaxException.class)
                .hasMessageContaining("SYN0002")
                .hasMessageContaining("at '{' on line [1,21]")
                .hasMessageContaining("expected '('");
    }

    @Test
    void letsAreScalarTabularOrFunctions() {
        Query query = KqlParser.parseQuery(
                "let n = 5; let t = T | take n; let u = t; let m = n; let f = (x:long, y:string = 'a') { x + 1 }; "
                + "let g = (T:(*)) { T | count }; let c = Cpu(); let a = ago(1h); u");
        List<Statement> s = query.statements();
        assertThat(((Statement.Let) s.get(0)).value()).isInstanceOf(Statement.ScalarValue.class);
        assertThat(((Statement.Let) s.get(1)).value()).isInstanceOf(Statement.TabularValue.class);
        assertThat(((Statement.Let) s.get(2)).value()).isInstanceOf(Statement.TabularValue.class);
        assertThat(((Statement.Let) s.get(3)).value()).isInstanceOf(Statement.ScalarValue.class);
        var f = (Statement.FunctionValue) ((Statement.Let) s.get(4)).value();
        assertThat(f.parameters()).extracting(p -> p.name() + ":" + p.type()).containsExactly("x:long", "y:string");
        assertThat(f.parameters().get(1).defaultValue()).isNotNull();
        assertThat(f.body()).singleElement().isInstanceOf(Statement.Scalar.class);
        var g = (Statement.FunctionValue) ((Statement.Let) s.get(5)).value();
        assertThat(g.parameters().get(0).isTabular()).isTrue();
        assertThat(g.body()).singleElement().isInstanceOf(Statement.Tabular.class);
        assertThat(((Statement.Let) s.get(6)).value()).isInstanceOf(Statement.TabularValue.class);
        assertThat(((Statement.Let) s.get(7)).value()).isInstanceOf(Statement.ScalarValue.class);
        assertThat(s.get(8)).isInstanceOf(Statement.Tabular.class);
    }

    @Test
    void projectExtendAndRenames() {
        var project = (TabularOperator.Project) lastOperator("T | project a, b = c + 1, ['x y'] = 2");
        assertThat(project.columns()).extracting(NamedExpression::name).containsExactly(null, "b", "x y");
        var away = (TabularOperator.ProjectAway) lastOperator("T | project-away a, Col*, *Suffix");
        assertThat(away.columns()).containsExactly("a", "Col*", "*Suffix");
        var rename = (TabularOperator.ProjectRename) lastOperator("T | project-rename New = Old, N2 = O2");
        assertThat(rename.renames()).extracting(r -> r.newName() + "<-" + r.oldName()).containsExactly("New<-Old", "N2<-O2");
        assertThat(lastOperator("T | extend x = 1, y = 2")).isInstanceOfSatisfying(TabularOperator.Extend.class,
                e -> assertThat(e.columns()).hasSize(2));
    }

    @Test
    void takeTopSortDistinctCountGetschemaAs() {
        assertThat(lastOperator("T | limit 5")).isInstanceOf(TabularOperator.Take.class);
        var top = (TabularOperator.Top) lastOperator("T | top 3 by Value asc");
        assertThat(top.by().descending()).isFalse();
        assertThat(top.by().nullsFirst()).isTrue();
        var sort = (TabularOperator.Sort) lastOperator("T | order by a, b asc nulls last");
        assertThat(sort.by()).extracting(SortKey::descending, SortKey::nullsFirst)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(false, false));
        assertThat(((TabularOperator.Distinct) lastOperator("T | distinct *")).columns()).singleElement().isInstanceOf(Expression.Star.class);
        assertThat(lastOperator("T | count")).isInstanceOf(TabularOperator.Count.class);
        assertThat(lastOperator("T | getschema")).isInstanceOf(TabularOperator.GetSchema.class);
        assertThat(((TabularOperator.As) lastOperator("T | as hint.materialized=true Saved")).name()).isEqualTo("Saved");
    }

    @Test
    void joinsWithKindsAndConditions() {
        var plain = (TabularOperator.Join) lastOperator("T | join U on Key");
        assertThat(plain.kind()).isNull();
        assertThat(plain.on()).extracting(c -> c.leftColumn() + "=" + c.rightColumn()).containsExactly("Key=Key");

        var outer = (TabularOperator.Join) lastOperator(
                "T | join kind=leftouter hint.strategy=broadcast (U | where x > 1) on $left.a == $right.b, c");
        assertThat(outer.kind()).isEqualTo(TabularOperator.JoinKind.LEFTOUTER);
        assertThat(outer.hints()).extracting(p -> p.name() + "=" + p.value()).containsExactly("hint.strategy=broadcast");
        assertThat(outer.right()).isInstanceOf(TabularExpression.Pipe.class);
        assertThat(outer.on()).extracting(c -> c.leftColumn() + "=" + c.rightColumn()).containsExactly("a=b", "c=c");

        assertThatThrownBy(() -> KqlParser.parseQuery("T | join kind=sideways (U) on a")).hasMessageContaining("unknown join kind");
    }

    @Test
    void mvExpandWithOptions() {
        var mv = (TabularOperator.MvExpand) lastOperator("T | mv-expand bagexpansion=array with_itemindex=i x = Items to typeof(long) limit 3");
        assertThat(mv.bagExpansion()).isEqualTo("array");
        assertThat(mv.itemIndexColumn()).isEqualTo("i");
        assertThat(mv.columns().get(0).column().name()).isEqualTo("x");
        assertThat(mv.columns().get(0).type()).isEqualTo("long");
        assertThat(((Expression.Literal) mv.limit()).value()).isEqualTo(3L);
    }

    @Test
    void unionAsAnOperator() {
        var union = (TabularOperator.Union) lastOperator("T | union withsource=S U, database('d').V");
        assertThat(union.options().withSource()).isEqualTo("S");
        assertThat(union.tables().get(1)).isInstanceOf(TabularExpression.QualifiedTable.class);
    }

    @Test
    void errorsNameWhatAndWhere() {
        var unterminated = catchThrowableOfType(KqlSyntaxException.class, () -> KqlParser.parseQuery("T\n| where a == 'abc"));
        assertThat(unterminated.line()).isEqualTo(2);
        assertThat(unterminated.column()).isEqualTo(14);
        assertThat(unterminated.offset()).isEqualTo(15);
        assertThat(unterminated.detail()).contains("unterminated string literal");

        assertThatThrownBy(() -> KqlParser.parseQuery("T | where a >")).hasMessageContaining("expected an expression but the text ended");
        assertThatThrownBy(() -> KqlParser.parseQuery("T | where a = 1")).hasMessageContaining("to compare, write '=='");
        assertThatThrownBy(() -> KqlParser.parseQuery("T | frobnicate")).hasMessageContaining("expected a query operator after '|'");
        assertThatThrownBy(() -> KqlParser.parseQuery("print datetime(yesterday)")).hasMessageContaining("datetime(yesterday) is not a valid datetime");
        assertThatThrownBy(() -> KqlParser.parseQuery("print 'bad \\q'")).hasMessageContaining("unknown escape sequence '\\q'");
    }

    @Test
    void positionsPointAtTheNodes() {
        var where = (TabularOperator.Where) lastOperator("T\n  | where a == 1");
        assertThat(where.position().line()).isEqualTo(2);
        assertThat(where.position().column()).isEqualTo(5);
        assertThat(where.predicate().position().column()).isEqualTo(13);
    }
}
