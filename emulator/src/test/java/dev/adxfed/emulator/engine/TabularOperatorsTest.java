package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.server.QueryResult;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static dev.adxfed.emulator.engine.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularOperatorsTest {
    @AfterAll
    static void microsoftsParserAcceptsTheQueries() {
        TestClusters.assertMicrosoftParserAcceptsEveryText();
    }

    private final TestClusters clusters = new TestClusters();

    private static Instant t(String time) {
        return Instant.parse("2024-05-01T" + time + "Z");
    }

    @BeforeEach
    void setUp() {
        ClusterCatalog c1 = clusters.cluster("c1", 10001);
        TestClusters.table(c1, "Metrics", "Cpu", "Timestamp:datetime, Host:string, Value:real",
                row(t("10:01:00"), "a", 10.0),
                row(t("10:04:00"), "b", 30.0),
                row(t("10:06:00"), "a", 20.0),
                row(t("10:12:00"), "b", null),
                row(t("11:30:00"), "a", 50.0));
        TestClusters.table(c1, "Metrics", "Hosts", "Host:string, Region:string",
                row("a", "west"), row("b", "east"), row("c", "north"));
    }

    private QueryResult run(String query) {
        return clusters.run("c1", "Metrics", query);
    }

    @Test
    void whereAndSummarizeCountByBin() {
        QueryResult r = run("Cpu | where Timestamp > ago(2h) and Timestamp < datetime(2024-05-01 11:00) | summarize count() by bin(Timestamp, 5m) | sort by Timestamp asc");
        assertThat(TestClusters.columns(r)).containsExactly("Timestamp:datetime", "count_:long");
        assertThat(TestClusters.rows(r)).containsExactly(
                List.of(t("10:00:00"), 2L), List.of(t("10:05:00"), 1L), List.of(t("10:10:00"), 1L));
    }

    @Test
    void summarizeAggregatesIgnoreNullsAndHaveKustoTypes() {
        QueryResult r = run("Cpu | summarize n = count(), s = sum(Value), a = avg(Value), lo = min(Value), hi = max(Timestamp), d = dcount(Host), "
                + "c = countif(Value > 15), p = percentile(Value, 50), l = make_list(Host), st = make_set(Host)");
        assertThat(TestClusters.columns(r)).containsExactly("n:long", "s:real", "a:real", "lo:real", "hi:datetime", "d:long", "c:long", "p:real",
                "l:dynamic", "st:dynamic");
        List<Object> only = TestClusters.rows(r).get(0);
        assertThat(only.subList(0, 8)).containsExactly(5L, 110.0, 27.5, 10.0, t("11:30:00"), 2L, 3L, 20.0);
        assertThat(only.get(8)).hasToString("[\"a\",\"b\",\"a\",\"b\",\"a\"]");
        assertThat(only.get(9)).hasToString("[\"a\",\"b\"]");
    }

    @Test
    void summarizeOverNoRowsWithoutKeysGivesOneRow() {
        assertThat(TestClusters.rows(run("Cpu | where Host == 'zzz' | summarize count(), sum(Value)")))
                .containsExactly(Arrays.asList(0L, null));
        assertThat(TestClusters.rows(run("Cpu | where Host == 'zzz' | summarize count() by Host"))).isEmpty();
    }

    @Test
    void argMaxWithStarReturnsTheWholeNewestRowPerKey() {
        QueryResult r = run("Cpu | summarize arg_max(Timestamp, *) by Host | sort by Host asc");
        assertThat(TestClusters.columns(r)).containsExactly("Host:string", "Timestamp:datetime", "Value:real");
        assertThat(TestClusters.rows(r)).containsExactly(
                List.of("a", t("11:30:00"), 50.0), Arrays.asList("b", t("10:12:00"), null));
        assertThat(TestClusters.rows(run("Cpu | summarize arg_min(Value, Timestamp) by Host | sort by Host asc")))
                .containsExactly(List.of("a", 10.0, t("10:01:00")), List.of("b", 30.0, t("10:04:00")));
    }

    @Test
    void unnamedColumnsGetKustoNames() {
        assertThat(TestClusters.columns(run("Cpu | summarize count(), sum(Value), max(Value), take_any(Host) by bin(Timestamp, 1h)")))
                .containsExactly("Timestamp:datetime", "count_:long", "sum_Value:real", "max_Value:real", "Host:string");
        assertThat(TestClusters.columns(run("Cpu | extend strlen(Host), Value * 2, bin(Timestamp, 1h) | take 1")))
                .containsExactly("Timestamp:datetime", "Host:string", "Value:real", "strlen_Host:long", "Column1:real");
    }

    @Test
    void projectExtendRenameAway() {
        QueryResult r = run("Cpu | where Host == 'a' | extend Double = Value * 2, Value = Value + 1 | project-rename When = Timestamp | project-away Host | take 2");
        assertThat(TestClusters.columns(r)).containsExactly("When:datetime", "Value:real", "Double:real");
        assertThat(TestClusters.rows(r)).containsExactly(List.of(t("10:01:00"), 11.0, 20.0), List.of(t("10:06:00"), 21.0, 40.0));
        assertThat(TestClusters.rows(run("Cpu | project Host, V = Value | where isnotnull(V) | top 2 by V desc")))
                .containsExactly(List.of("a", 50.0), List.of("b", 30.0));
    }

    @Test
    void sortPutsNullsFirstAscendingAndLastDescending() {
        assertThat(TestClusters.rows(run("Cpu | project Value | sort by Value asc")).stream().map(x -> x.get(0)).toList())
                .containsExactly(null, 10.0, 20.0, 30.0, 50.0);
        assertThat(TestClusters.rows(run("Cpu | project Value | order by Value desc")).stream().map(x -> x.get(0)).toList())
                .containsExactly(50.0, 30.0, 20.0, 10.0, null);
    }

    @Test
    void distinctCountTakeGetschema() {
        assertThat(TestClusters.rows(run("Cpu | distinct Host | sort by Host asc"))).containsExactly(List.of("a"), List.of("b"));
        assertThat(TestClusters.rows(run("Cpu | count"))).containsExactly(List.of(5L));
        assertThat(TestClusters.rows(run("Cpu | limit 2 | count"))).containsExactly(List.of(2L));
        assertThat(TestClusters.rows(run("Hosts | getschema"))).containsExactly(
                List.of("Host", 0L, "System.String", "string"), List.of("Region", 1L, "System.String", "string"));
    }

    @Test
    void joins() {
        assertThat(TestClusters.rows(run("Cpu | where Timestamp < datetime(2024-05-01 10:05) | join (Hosts) on Host | project Host, Region, Host1")))
                .containsExactly(List.of("a", "west", "a"), List.of("b", "east", "b"));
        assertThat(TestClusters.rows(run("Hosts | join kind=leftouter (Cpu | where Value > 25) on Host | project Host, Value | sort by Host asc")))
                .containsExactly(List.of("a", 50.0), List.of("b", 30.0), Arrays.asList("c", null));
        assertThat(TestClusters.rows(run("Cpu | join kind=inner (Hosts) on Host | count"))).containsExactly(List.of(5L));
        assertThat(TestClusters.rows(run("Cpu | join (Hosts) on Host | count"))).containsExactly(List.of(2L));
        assertThat(TestClusters.rows(run("Hosts | join kind=leftanti (Cpu) on Host"))).containsExactly(List.of("c", "north"));
    }

    @Test
    void mvExpandAndDynamicAccess() {
        assertThat(TestClusters.rows(run("print d = dynamic({\"tags\":[\"x\",\"y\"]}) | mv-expand t = d.tags to typeof(string) | project t")))
                .containsExactly(List.of("x"), List.of("y"));
        assertThat(TestClusters.rows(run("datatable(k:string, v:dynamic) ['a', dynamic([1,2]), 'b', dynamic([])] | mv-expand with_itemindex=i v | project k, i, v")))
                .hasSize(2).extracting(x -> x.get(0) + "/" + x.get(1) + "/" + x.get(2)).containsExactly("a/0/1", "a/1/2");
    }

    @Test
    void sourcesDatatableRangeUnion() {
        assertThat(TestClusters.rows(run("range x from 1 to 3 step 1"))).containsExactly(List.of(1L), List.of(2L), List.of(3L));
        QueryResult u = run("union withsource=Source (datatable(a:long)[1]), (datatable(a:long, b:string)[2, 'x'])");
        assertThat(TestClusters.columns(u)).containsExactly("Source:string", "a:long", "b:string");
        assertThat(TestClusters.rows(u)).containsExactly(Arrays.asList("union_arg0", 1L, null), List.of("union_arg1", 2L, "x"));
        assertThat(TestClusters.columns(run("datatable(a:long)[1] | union (datatable(a:string)['x'])"))).containsExactly("a_long:long", "a_string:string");
        assertThat(TestClusters.rows(run("Hosts | union kind=inner (Cpu) | count"))).containsExactly(List.of(8L));
    }

    @Test
    void unsupportedFeaturesAreErrorsNamingThem() {
        assertThatThrownBy(() -> run("Cpu | fork (count) (take 1)")).isInstanceOf(KustoError.class)
                .hasMessageContaining("Not supported").hasMessageContaining("'fork' operator");
        assertThatThrownBy(() -> run("Cpu | evaluate bag_unpack(Host)")).isInstanceOf(KustoError.class)
                .hasMessageContaining("'evaluate bag_unpack' plugin");
        assertThatThrownBy(() -> run("Cpu | extend c = geo_point_to_s2cell(1.0, 2.0)")).isInstanceOf(KustoError.class).hasMessageContaining("geo_point_to_s2cell");
        assertThatThrownBy(() -> run("Cpu | sample 2")).isInstanceOf(KustoError.class).hasMessageContaining("'sample' operator");
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertThatThrownBy(() -> run("Cpu | where Nope > 1")).isInstanceOf(KustoError.class)
                .hasMessageContaining("SEM0100").hasMessageContaining("'where' operator").hasMessageContaining("Nope");
        assertThatThrownBy(() -> run("NoTable | count")).isInstanceOf(KustoError.class)
                .hasMessageContaining("SEM0100").hasMessageContaining("NoTable");
        assertThatThrownBy(() -> run("Cpu | where Value")).isInstanceOf(KustoError.class).hasMessageContaining("must be of type bool");
        assertThatThrownBy(() -> run("Cpu | summarize strlen(Host)")).isInstanceOf(KustoError.class).hasMessageContaining("aggregate");
    }
}
