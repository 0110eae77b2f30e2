package dev.adxfed.emulator.engine;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.SdkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * parse, make-series, render, lookup, materialize, serialize and mv-apply, sent through the official Kusto Java SDK.
 * Expected rows are the outputs Microsoft's documentation gives for its examples, where it gives them.
 */
class TelemetryOperatorsSdkTest {
    private static final String DB = "Telemetry";
    private static final String TRACES = "let Traces = datatable(EventText: string)\n[\n"
            + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
            + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)\",\n"
            + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
            + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
            + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
            + "];\n";
    private static final String METRICS = "let data=datatable(timestamp:datetime, metric: real)\n[\n"
            + "  datetime(2016-12-31T06:00), 50,\n  datetime(2017-01-01), 4,\n  datetime(2017-01-02), 3,\n  datetime(2017-01-03), 4,\n"
            + "  datetime(2017-01-03T03:00), 6,\n  datetime(2017-01-05), 8,\n  datetime(2017-01-05T13:40), 13,\n  datetime(2017-01-06), 4,\n"
            + "  datetime(2017-01-07), 3,\n  datetime(2017-01-08), 8,\n  datetime(2017-01-08T21:00), 8,\n  datetime(2017-01-09), 2,\n"
            + "  datetime(2017-01-09T12:00), 11,\n  datetime(2017-01-10T05:00), 5,\n];\n"
            + "let interval = 1d;\nlet stime = datetime(2017-01-01);\nlet etime = datetime(2017-01-10);\n";
    private static Emulator emulator;
    private static SdkSession kusto;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClusters.withEmptyDatabase("c1", DB);
        kusto = new SdkSession(emulator.endpoint());
        kusto.mgmt(DB, ".create table Requests (Timestamp:datetime, Host:string, DurationMs:long, Tags:dynamic)");
        kusto.mgmt(DB, ".ingest inline into table Requests <|\n"
                + "2024-05-01T10:00:00Z,a,10,\"[\"\"x\"\",\"\"y\"\"]\"\n"
                + "2024-05-01T10:01:00Z,a,20,\"[\"\"x\"\"]\"\n"
                + "2024-05-01T10:03:00Z,a,30,\"[]\"\n"
                + "2024-05-01T10:00:30Z,b,7,\"[\"\"z\"\"]\"\n"
                + "2024-05-01T10:02:30Z,b,3,\"[\"\"z\"\",\"\"x\"\"]\"");
    }

    @AfterAll
    static void stop() {
        try {
            kusto.assertParsersAgree();
        } finally {
            emulator.close();
        }
    }

    private static List<List<String>> rows(String query) {
        return kusto.query(DB, query).texts();
    }

    @Test
    void parseTakesColumnsOutOfTextAsTheDocumentationShows() {
        assertThat(rows(TRACES + "Traces\n| parse EventText with * \"resourceName=\" resourceName \", totalSlices=\" totalSlices: long * \"sliceNumber=\" sliceNumber: long * "
                + "\"lockTime=\" lockTime \", releaseTime=\" releaseTime: date \",\" * \"previousLockTime=\" previousLockTime: date \")\" *\n"
                + "| project resourceName, totalSlices, sliceNumber, lockTime, releaseTime, previousLockTime"))
                .contains(List.of("PipelineScheduler", "27", "15", "02/17/2016 08:40:00", "2016-02-17T08:40:00.0000000Z", "2016-02-17T08:39:00.0000000Z"))
                .contains(List.of("PipelineScheduler", "27", "22", "02/17/2016 08:41:01", "2016-02-17T08:41:00.0000000Z", "2016-02-17T08:40:01.0000000Z"))
                .hasSize(5);
        SdkSession.Rows typed = kusto.query(DB, TRACES + "Traces | parse EventText with * \"sliceNumber=\" sliceNumber: long \",\" * | project sliceNumber");
        assertThat(typed.types()).containsExactly("long");
        assertThat(typed.column("sliceNumber")).map(SdkSession.Rows::text).containsExactly("23", "15", "20", "22", "16");
    }

    @Test
    void parseWithStringColumnsSplitsAnEmailAddress() {
        assertThat(rows("let Leads=datatable(Contacts: string)\n[\n"
                + "\"Event: LeadContact (email=john@contosohotel.com, Website=https:contosohotel.com)\",\n"
                + "\"Event: LeadContact (email=abi@fourthcoffee.com, Website=https:www.fourthcoffee.com)\"\n];\n"
                + "Leads\n| parse Contacts with * \"email=\" alias:string \"@\" domain: string \", Website=https:\" WebsiteDomain: string \")\"\n"
                + "| project EmailAddress=strcat(alias, \"@\", domain), EmailAlias=alias, WebsiteDomain"))
                .containsExactly(List.of("john@contosohotel.com", "john", "contosohotel.com"), List.of("abi@fourthcoffee.com", "abi", "www.fourthcoffee.com"));
    }

    @Test
    void parseRegexKindIsGreedyUnlessFlaggedUngreedy() {
        assertThat(rows(TRACES + "Traces\n| parse kind=regex EventText with \"(.*?)[a-zA-Z]*=\" resourceName @\", totalSlices=\\s*\\d+\\s*.*?sliceNumber=\" "
                + "sliceNumber: long  \".*?(previous)?lockTime=\" lockTime \".*?releaseTime=\" releaseTime \".*?previousLockTime=\" previousLockTime: date \"\\\\)\"\n"
                + "| project resourceName, sliceNumber, lockTime, releaseTime, previousLockTime").get(1))
                .containsExactly("PipelineScheduler", "15", "02/17/2016 08:40:00, ", "02/17/2016 08:40:00, ", "2016-02-17T08:39:00.0000000Z");
        assertThat(rows(TRACES + "Traces\n| parse kind=regex EventText with * \"resourceName=\" resourceName ',' *\n| project resourceName").get(0))
                .containsExactly("PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01");
        assertThat(rows(TRACES + "Traces\n| parse kind=regex flags=Ui EventText with * \"RESOURCENAME=\" resourceName ',' *\n| project resourceName"))
                .containsOnly(List.of("PipelineScheduler")).hasSize(5);
    }

    @Test
    void relaxedParseNullsOnlyTheColumnsThatDoNotConvertAndParseWhereDropsTheRow() {
        String traces = "let Traces=datatable(EventText: string)\n[\n"
                + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=nonValidDateTime 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
                + "\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=nonValidLongValue, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
                + "];\nTraces\n| ";
        String pattern = " EventText with * \"resourceName=\" resourceName \", totalSlices=\" totalSlices: long \", sliceNumber=\" sliceNumber: long * "
                + "\"lockTime=\" lockTime \", releaseTime=\" releaseTime: date \",\" * \"previousLockTime=\" previousLockTime: date \")\" *\n| project-away EventText";
        assertThat(rows(traces + "parse kind=relaxed" + pattern)).containsExactly(
                List.of("PipelineScheduler", "27", "23", "02/17/2016 08:40:01", "null", "2016-02-17T08:39:01.0000000Z"),
                List.of("PipelineScheduler", "null", "16", "02/17/2016 08:41:00", "2016-02-17T08:41:00.0000000Z", "2016-02-17T08:40:00.0000000Z"));
        assertThat(rows(traces + "parse" + pattern)).containsExactly(
                List.of("", "null", "null", "", "null", "null"), List.of("", "null", "null", "", "null", "null"));
        assertThat(rows(traces + "parse-where" + pattern)).isEmpty();
        assertThat(rows(TRACES + "Traces | parse-where EventText with * \"sliceNumber=\" sliceNumber: long \",\" * | where sliceNumber > 20 | count"))
                .containsExactly(List.of("2"));
    }

    @Test
    void makeSeriesFillsMissingStepsWithTheDefault() {
        SdkSession.Rows series = kusto.query(DB, METRICS + "data\n| make-series avg(metric) on timestamp from stime to etime step interval");
        assertThat(series.columns()).containsExactly("avg_metric", "timestamp");
        assertThat(series.types()).containsExactly("dynamic", "dynamic");
        assertThat(SdkSession.Rows.text(series.rows().get(0).get(0))).isEqualTo("[4.0,3.0,5.0,0.0,10.5,4.0,3.0,8.0,6.5]");
        assertThat(SdkSession.Rows.text(series.rows().get(0).get(1))).isEqualTo("[\"2017-01-01T00:00:00.0000000Z\",\"2017-01-02T00:00:00.0000000Z\","
                + "\"2017-01-03T00:00:00.0000000Z\",\"2017-01-04T00:00:00.0000000Z\",\"2017-01-05T00:00:00.0000000Z\",\"2017-01-06T00:00:00.0000000Z\","
                + "\"2017-01-07T00:00:00.0000000Z\",\"2017-01-08T00:00:00.0000000Z\",\"2017-01-09T00:00:00.0000000Z\"]");
        assertThat(rows(METRICS + "data\n| take 0\n| make-series avg(metric) default=1.0 on timestamp from stime to etime step interval\n| count"))
                .containsExactly(List.of("0"));
        assertThat(rows(METRICS + "data\n| take 0\n| make-series kind=nonempty avg(metric) default=1.0 on timestamp from stime to etime step interval").get(0).get(0))
                .isEqualTo("[1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0]");
    }

    @Test
    void makeSeriesByKeysWithoutBoundsSpansEachSeriesData() {
        assertThat(rows("Requests | make-series n = count() default = -1, total = sum(DurationMs) on Timestamp step 1m by Host | sort by Host asc"))
                .containsExactly(
                        List.of("a", "[1,1,-1,1]", "[10,20,0,30]", "[\"2024-05-01T10:00:00.0000000Z\",\"2024-05-01T10:01:00.0000000Z\","
                                + "\"2024-05-01T10:02:00.0000000Z\",\"2024-05-01T10:03:00.0000000Z\"]"),
                        List.of("b", "[1,-1,1]", "[7,0,3]", "[\"2024-05-01T10:00:00.0000000Z\",\"2024-05-01T10:01:00.0000000Z\","
                                + "\"2024-05-01T10:02:00.0000000Z\"]"));
    }

    @Test
    void renderReturnsTheDataAndPutsTheChartInTheExtendedProperties() throws Exception {
        String query = "Requests | summarize n = count() by bin(Timestamp, 1m) | sort by Timestamp asc "
                + "| render timechart with (title=\"Requests per minute\", ycolumns=n)";
        assertThat(rows(query)).hasSize(4).first().isEqualTo(List.of("2024-05-01T10:00:00.0000000Z", "2"));
        Client client = ClientFactory.createClient(new ConnectionStringBuilder(emulator.endpoint().toString()));
        List<KustoResultSetTable> tables = client.executeQuery(DB, query, null).getResultTables();
        KustoResultSetTable properties = tables.stream().filter(t -> t.getTableKind() == WellKnownDataSet.QueryProperties).findFirst().orElseThrow();
        assertThat(properties.getTableName()).isEqualTo("@ExtendedProperties");
        List<Object> row = properties.getData().get(0);
        assertThat(row.subList(0, 2)).map(SdkSession.Rows::text).containsExactly("1", "Visualization");
        JsonNode visualization = new ObjectMapper().readTree(String.valueOf(row.get(2)));
        assertThat(visualization.get("Visualization").asText()).isEqualTo("timechart");
        assertThat(visualization.get("Title").asText()).isEqualTo("Requests per minute");
        assertThat(visualization.get("YColumns").asText()).isEqualTo("n");
        assertThat(visualization.get("IsQuerySorted").asBoolean()).isTrue();
        assertThat(client.executeQuery(DB, "Requests | count", null).getResultTables())
                .noneMatch(t -> t.getTableKind() == WellKnownDataSet.QueryProperties);
    }

    @Test
    void lookupExtendsFactRowsWithDimensionColumns() {
        String tables = "let FactTable=datatable(Row:string,Personal:string,Family:string) [\n  \"1\", \"Rowan\",   \"Murphy\",\n  \"2\", \"Ellis\",   \"Turner\",\n"
                + "  \"3\", \"Ellis\",   \"Turner\",\n  \"4\", \"Maya\",  \"Robinson\",\n  \"5\", \"Quinn\",    \"Campbell\"\n];\n"
                + "let DimTable=datatable(Personal:string,Family:string,Alias:string) [\n  \"Rowan\",  \"Murphy\",   \"rowanm\",\n  \"Ellis\",  \"Turner\", \"ellist\",\n"
                + "  \"Maya\", \"Robinson\", \"mayar\",\n  \"Quinn\",   \"Campbell\",    \"quinnc\"\n];\n";
        SdkSession.Rows result = kusto.query(DB, tables + "FactTable\n| lookup kind=leftouter DimTable on Personal, Family");
        assertThat(result.columns()).containsExactly("Row", "Personal", "Family", "Alias");
        assertThat(result.texts()).containsExactly(
                List.of("1", "Rowan", "Murphy", "rowanm"), List.of("2", "Ellis", "Turner", "ellist"), List.of("3", "Ellis", "Turner", "ellist"),
                List.of("4", "Maya", "Robinson", "mayar"), List.of("5", "Quinn", "Campbell", "quinnc"));
        assertThat(rows(tables + "FactTable | where Row in ('1', '2') | lookup (DimTable | where Alias != 'rowanm') on $left.Personal == $right.Personal"))
                .containsExactly(List.of("1", "Rowan", "Murphy", "null", "null"), List.of("2", "Ellis", "Turner", "Turner", "ellist"));
        assertThat(rows(tables + "FactTable | lookup kind=inner (DimTable | where Alias == 'mayar') on Personal, Family"))
                .containsExactly(List.of("4", "Maya", "Robinson", "mayar"));
    }

    @Test
    void materializeComputesOnceAndCanBeUsedTwice() {
        assertThat(rows("let totals = materialize(Requests | summarize n = count(), ms = sum(DurationMs) by Host);\n"
                + "totals | join kind=inner (totals | where n > 2 | project Host, Busiest = true) on Host | project Host, n, ms, Busiest"))
                .containsExactly(List.of("a", "3", "60", "true"));
    }

    @Test
    void serializeAllowsWindowFunctionsOnTheInputOrder() {
        assertThat(rows("Requests | where Host == 'a' | serialize rn = row_number(), before = prev(DurationMs) | project DurationMs, rn, before"))
                .containsExactly(List.of("10", "1", "null"), List.of("20", "2", "10"), List.of("30", "3", "20"));
        assertThat(rows("Requests | where Host == 'b' | serialize | extend after = next(Host) | project Host, after"))
                .containsExactly(List.of("b", "b"), List.of("b", ""));
    }

    @Test
    void mvApplyRunsTheSubqueryPerRowAsTheDocumentationShows() {
        assertThat(rows("let data = datatable (index: int, Arr: dynamic)\n[\n    0, dynamic([7]),\n    1, dynamic([6, 11, 7])\n];\n"
                + "data\n| mv-apply Arr2=Arr to typeof(long) on \n    (\n       take 100\n    )"))
                .containsExactly(List.of("0", "[7]", "7"), List.of("1", "[6,11,7]", "6"), List.of("1", "[6,11,7]", "11"), List.of("1", "[6,11,7]", "7"));
        assertThat(rows("let data = datatable (index: int, Arr: dynamic)\n[\n    0, dynamic([5, 1, 3]),\n    1, dynamic([4, 10, 8, 7])\n];\n"
                + "data\n| mv-apply Arr2=Arr to typeof(long) on \n    (\n    top 2 by Arr2\n    | summarize Top2=make_list(Arr2)\n    )"))
                .containsExactly(List.of("0", "[5,1,3]", "[5,3]"), List.of("1", "[4,10,8,7]", "[10,8]"));
        assertThat(rows("let data = datatable (row: int, Arr: dynamic)\n[\n    0, dynamic([5, 1, 3]),\n    1, dynamic([4, 10, 8, 7])\n];\n"
                + "data\n| mv-apply with_itemindex=index value=Arr to typeof(long) on \n  (\n    where index >= 2\n  )"))
                .containsExactly(List.of("0", "[5,1,3]", "3", "2"), List.of("1", "[4,10,8,7]", "8", "2"), List.of("1", "[4,10,8,7]", "7", "3"));
        assertThat(rows("datatable (Val: int, Arr1: dynamic, Arr2: dynamic)\n[\n    1, dynamic(['A1', 'A2']), dynamic(['B1', 'B2', 'B3']), \n"
                + "    5, dynamic(['C1', 'C2']), dynamic(['D1'])\n] \n| mv-apply T1=Arr1, T2=Arr2 on (\n    extend Out = strcat(T1, \"_\", T2)\n"
                + "    | summarize Out= make_list(Out)\n  )"))
                .containsExactly(List.of("1", "[\"A1\",\"A2\"]", "[\"B1\",\"B2\",\"B3\"]", "[\"A1_B1\",\"A2_B2\",\"_B3\"]"),
                        List.of("5", "[\"C1\",\"C2\"]", "[\"D1\"]", "[\"C1_D1\",\"C2_\"]"));
        assertThat(rows("Requests | mv-apply Tag = Tags to typeof(string) on (where Tag == 'x') | project Host, DurationMs, Tag"))
                .containsExactly(List.of("a", "10", "x"), List.of("a", "20", "x"), List.of("b", "3", "x"));
    }
}
