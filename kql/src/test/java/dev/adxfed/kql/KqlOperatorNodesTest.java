package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.Query;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators an engine evaluates come out as structured nodes, not text. */
class KqlOperatorNodesTest {

    private static TabularOperator last(String text) {
        Query query = KqlParser.parseQuery(text);
        var tabular = (Statement.Tabular) query.statements().get(query.statements().size() - 1);
        return ((TabularExpression.Pipe) tabular.expression()).operator();
    }

    @Test
    void parseKeepsItsKindFlagsAndPattern() {
        var parse = (TabularOperator.Parse) last("T | parse kind=regex flags=Ui Line with \"id=\" Id:long * \"user=\" User");
        assertThat(parse.kind()).isEqualTo(TabularOperator.ParseKind.REGEX);
        assertThat(parse.flags()).isEqualTo("Ui");
        assertThat(parse.where()).isFalse();
        assertThat(parse.pattern()).hasSize(5);
        assertThat(parse.pattern().get(0)).isEqualTo(new TabularOperator.ParseText("id="));
        var id = (TabularOperator.ParseColumn) parse.pattern().get(1);
        assertThat(id.name()).isEqualTo("Id");
        assertThat(id.type()).isEqualTo("long");
        assertThat(parse.pattern().get(2)).isInstanceOf(TabularOperator.ParseWildcard.class);
        assertThat(((TabularOperator.ParseColumn) parse.pattern().get(4)).type()).isEqualTo("string");

        var parseWhere = (TabularOperator.Parse) last("T | parse-where kind=relaxed Line with * \"a\" x");
        assertThat(parseWhere.where()).isTrue();
        assertThat(parseWhere.kind()).isEqualTo(TabularOperator.ParseKind.RELAXED);
    }

    @Test
    void makeSeriesInBothAxisForms() {
        var explicit = (TabularOperator.MakeSeries) last(
                "T | make-series n = count() default = 0, avg(V) on Timestamp from ago(1d) to now() step 1h by Host");
        assertThat(explicit.aggregates()).hasSize(2);
        assertThat(explicit.aggregates().get(0).name()).isEqualTo("n");
        assertThat(explicit.aggregates().get(0).defaultValue()).isInstanceOf(Expression.Literal.class);
        assertThat(explicit.aggregates().get(1).defaultValue()).isNull();
        assertThat(explicit.on()).isInstanceOf(Expression.Name.class);
        assertThat(explicit.from()).isInstanceOf(Expression.Call.class);
        assertThat(explicit.by()).hasSize(1);

        var range = (TabularOperator.MakeSeries) last("T | make-series avg(V) on Timestamp in range(0, 10, 1)");
        assertThat(range.from()).isNotNull();
        assertThat(range.to()).isNotNull();
        assertThat(range.step()).isNotNull();
        assertThat(range.by()).isEmpty();
    }

    @Test
    void renderKeepsTheChartAndItsProperties() {
        var render = (TabularOperator.Render) last("T | render timechart with (title=\"CPU\", ycolumns=a, b, ymin=0)");
        assertThat(render.chart()).isEqualTo("timechart");
        assertThat(render.properties()).extracting(p -> p.name()).containsExactly("title", "ycolumns", "ymin");
        assertThat(render.properties().get(1).value()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void lookupSerializeMvApplyAndEvaluate() {
        var lookup = (TabularOperator.Lookup) last("T | lookup kind=inner (U | where x > 1) on $left.a == $right.b, c");
        assertThat(lookup.kind()).isEqualTo("inner");
        assertThat(lookup.on()).hasSize(2);

        var serialize = (TabularOperator.Serialize) last("T | serialize n = row_number()");
        assertThat(serialize.columns()).hasSize(1);
        assertThat(((TabularOperator.Serialize) last("T | serialize")).columns()).isEmpty();

        var apply = (TabularOperator.MvApply) last("T | mv-apply with_itemindex=i v = Values to typeof(long) on (top 1 by v | project v)");
        assertThat(apply.itemIndexColumn()).isEqualTo("i");
        assertThat(apply.columns().get(0).type()).isEqualTo("long");
        var project = (TabularExpression.Pipe) apply.subquery();
        var top = (TabularExpression.Pipe) project.input();
        assertThat(top.input()).isInstanceOf(TabularExpression.Input.class);

        var evaluate = (TabularOperator.Evaluate) last("T | evaluate hint.distribution=per_node autocluster(0.6, SizeWeight=0.5, typeof(*, x:long))");
        assertThat(evaluate.plugin()).isEqualTo("autocluster");
        assertThat(evaluate.options()).hasSize(1);
        assertThat(evaluate.arguments().get(1)).isEqualTo(new Expression.NamedArgument(
                evaluate.arguments().get(1).position(), "SizeWeight", ((Expression.NamedArgument) evaluate.arguments().get(1)).value()));
        var schema = (Expression.TypeLiteral) evaluate.arguments().get(2);
        assertThat(schema.columns()).extracting(c -> c.name()).containsExactly("*", "x");
    }

    @Test
    void severalColumnsNamedAtOnce() {
        var summarize = (TabularOperator.Summarize) last("T | summarize (Latest, Host) = arg_max(Timestamp, Host) by Region");
        assertThat(summarize.aggregates().get(0).names()).containsExactly("Latest", "Host");
        assertThat(summarize.aggregates().get(0).namesSeveral()).isTrue();
        assertThat(summarize.by().get(0).names()).isEmpty();
    }

    @Test
    void aFunctionOfAnotherDatabase() {
        Query query = KqlParser.parseQuery("cluster('c').database('d').Recent(1h) | count");
        var call = (TabularExpression.QualifiedFunctionCall) ((TabularExpression.Pipe)
                ((Statement.Tabular) query.statements().get(0)).expression()).input();
        assertThat(call.cluster()).isEqualTo("c");
        assertThat(call.database()).isEqualTo("d");
        assertThat(call.function()).isEqualTo("Recent");
        assertThat(call.arguments()).hasSize(1);

        var extend = (TabularOperator.Extend) last("T | extend c = cluster('c').database('d').Calc(a, 2)");
        var scalar = (Expression.QualifiedCall) extend.columns().get(0).expression();
        assertThat(scalar.cluster()).isEqualTo("c");
        assertThat(scalar.function()).isEqualTo("Calc");
        assertThat(scalar.arguments()).hasSize(2);
    }

    @Test
    void materializeIsACallWithATabularArgument() {
        Query query = KqlParser.parseQuery("let m = materialize(T | take 1); m | count");
        var let = (Statement.Let) query.statements().get(0);
        var call = (TabularExpression.FunctionCall) ((Statement.TabularValue) let.value()).expression();
        assertThat(call.function()).isEqualTo("materialize");
        assertThat(call.arguments().get(0)).isInstanceOf(Expression.TabularValue.class);
    }
}
