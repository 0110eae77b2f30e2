package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.SdkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scalar, aggregate and window functions telemetry queries use most, sent through the official Kusto Java SDK.
 * Expected values are the outputs Microsoft's documentation gives for its own examples, where it gives them.
 */
class TelemetryFunctionsSdkTest {
    private static final String DB = "Telemetry";
    private static Emulator emulator;
    private static SdkSession kusto;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClusters.withEmptyDatabase("c1", DB);
        kusto = new SdkSession(emulator.endpoint());
        kusto.mgmt(DB, ".create table Requests (Timestamp:datetime, Host:string, DurationMs:long)");
        kusto.mgmt(DB, ".ingest inline into table Requests <|\n"
                + "2024-05-01T10:00:00Z,a,10\n2024-05-01T10:01:00Z,a,20\n2024-05-01T10:02:00Z,a,30\n2024-05-01T10:03:00Z,a,40\n"
                + "2024-05-01T10:04:00Z,a,50\n2024-05-01T10:05:00Z,a,60\n2024-05-01T10:06:00Z,a,70\n2024-05-01T10:07:00Z,a,80\n"
                + "2024-05-01T10:08:00Z,a,90\n2024-05-01T10:09:00Z,a,100\n"
                + "2024-05-01T10:00:30Z,b,7\n2024-05-01T10:01:30Z,b,3\n2024-05-01T10:02:30Z,b,5");
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

    private static List<String> row(String query) {
        List<List<String>> rows = rows(query);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void roundFollowsTheDocumentedExamples() {
        assertThat(row("print round(2.98765, 3), round(2.15, 1), round(2.15), round(-50.55, -2), round(21.5, -1), round(1250, -2), round(long(null))"))
                .containsExactly("2.988", "2.2", "2", "-100", "20", "1300", "null");
        assertThat(kusto.query(DB, "print round(2.5), round(7)").types()).containsExactly("real", "long");
    }

    @Test
    void mathFunctionsGiveRealsAndNullOutsideTheirDomain() {
        assertThat(row("print abs(-5), abs(-2.5), abs(-1h), pow(2, 3), sqrt(16), sqrt(-1), exp2(3), exp10(2), log(-1)"))
                .containsExactly("5", "2.5", "01:00:00.0000000", "8", "4", "null", "8", "100", "null");
        SdkSession.Rows logs = kusto.query(DB, "print log(5), log10(5), log2(5), exp(2)");
        assertThat(logs.types()).containsOnly("real");
        List<Object> values = logs.rows().get(0);
        assertThat(((Number) values.get(0)).doubleValue()).isEqualTo(1.6094379124341003);
        assertThat(((Number) values.get(1)).doubleValue()).isEqualTo(0.69897000433601886);
        assertThat(((Number) values.get(2)).doubleValue()).isEqualTo(2.3219280948873622);
        assertThat(((Number) values.get(3)).doubleValue()).isCloseTo(7.389056, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void strcatDelimConvertsEveryArgumentToText() {
        assertThat(row("print st = strcat_delim('-', 1, '2', 'A', 1s)")).containsExactly("1-2-A-00:00:01");
    }

    @Test
    void dayofweekIsATimespanAndHourofdayAnInt() {
        assertThat(row("print dayofweek(datetime(1947-11-30 10:00:05)), dayofweek(datetime(1970-05-11)), hourofday(datetime(2015-12-14 18:54))"))
                .containsExactly("00:00:00.0000000", "1.00:00:00.0000000", "18");
        assertThat(row("let dow=dayofweek(datetime(1970-5-12));\nprint Timespan = dow, Integer = toint(dow/1d)"))
                .containsExactly("2.00:00:00.0000000", "2");
        assertThat(kusto.query(DB, "print hour=hourofday(datetime(2015-12-14 18:54))").types()).containsExactly("int");
    }

    @Test
    void formatTimespanWritesTheDocumentedFormats() {
        assertThat(row("let t = time(29.09:00:05.12345);\nprint v1=format_timespan(t, 'dd.hh:mm:ss:FF'), v2=format_timespan(t, 'ddd.h:mm:ss [fffffff]')"))
                .containsExactly("29.09:00:05:12", "029.9:00:05 [1234500]");
    }

    @Test
    void arrayConcatJoinsArraysInOrder() {
        SdkSession.Rows result = kusto.query(DB, "range x from 1 to 3 step 1\n| extend y = x * 2\n| extend z = y * 2\n"
                + "| extend a1 = pack_array(x,y,z), a2 = pack_array(x, y)\n| project array_concat(a1, a2)");
        assertThat(result.columns()).containsExactly("Column1");
        assertThat(result.column("Column1")).map(String::valueOf).containsExactly("[1,2,4,1,2]", "[2,4,8,2,4]", "[3,6,12,3,6]");
    }

    @Test
    void extractAllReturnsEveryMatchOfTheCaptureGroups() {
        String id = "print Id=\"82b8be2d-dfa7-4bd1-8f63-24ad26d31449\"\n";
        assertThat(row(id + "| extend guid_bytes = extract_all(@\"([\\da-f]{2})\", Id)").get(1))
                .isEqualTo("[\"82\",\"b8\",\"be\",\"2d\",\"df\",\"a7\",\"4b\",\"d1\",\"8f\",\"63\",\"24\",\"ad\",\"26\",\"d3\",\"14\",\"49\"]");
        assertThat(row(id + "| extend guid_bytes = extract_all(@\"(\\w)(\\w+)(\\w)\", Id)").get(1))
                .isEqualTo("[[\"8\",\"2b8be2\",\"d\"],[\"d\",\"fa\",\"7\"],[\"4\",\"bd\",\"1\"],[\"8\",\"f6\",\"3\"],[\"2\",\"4ad26d3144\",\"9\"]]");
        assertThat(row(id + "| extend guid_bytes = extract_all(@\"(\\w)(\\w+)(\\w)\", dynamic([1,3]), Id)").get(1))
                .isEqualTo("[[\"8\",\"d\"],[\"d\",\"7\"],[\"4\",\"1\"],[\"8\",\"3\"],[\"2\",\"9\"]]");
        assertThat(row(id + "| extend guid_bytes = extract_all(@\"(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)\", dynamic(['first',2,'last']), Id)").get(1))
                .isEqualTo("[[\"8\",\"2b8be2\",\"d\"],[\"d\",\"fa\",\"7\"],[\"4\",\"bd\",\"1\"],[\"8\",\"f6\",\"3\"],[\"2\",\"4ad26d3144\",\"9\"]]");
        assertThat(row("print extract_all(@\"(\\d+)\", \"a set of numbers: 123, 567 and 789\"), extract_all(@\"(\\d+)\", \"none\")"))
                .containsExactly("[\"123\",\"567\",\"789\"]", "null");
    }

    @Test
    void bagRemoveKeysAndBagMerge() {
        assertThat(rows("datatable(input:dynamic)\n[\n    dynamic({'key1' : 123,     'key2': 'abc'}),\n    dynamic({'key1' : 'value', 'key3': 42.0})\n]\n"
                + "| extend result=bag_remove_keys(input, dynamic(['key2', 'key4']))").stream().map(r -> r.get(1)))
                .containsExactly("{\"key1\":123}", "{\"key1\":\"value\",\"key3\":42.0}");
        assertThat(row("datatable(input:dynamic)\n[\n    dynamic({'key1': 123, 'key2': {'prop1' : 'abc', 'prop2': 'xyz'}, 'key3': [100, 200]})\n]\n"
                + "| extend result=bag_remove_keys(input, dynamic(['$.key2.prop1', 'key3']))").get(1))
                .isEqualTo("{\"key1\":123,\"key2\":{\"prop2\":\"xyz\"}}");
        assertThat(row("print result = bag_merge(\n   dynamic({'A1':12, 'B1':2, 'C1':3}),\n   dynamic({'A2':81, 'B2':82, 'A1':1}))"))
                .containsExactly("{\"A1\":12,\"B1\":2,\"C1\":3,\"A2\":81,\"B2\":82}");
    }

    @Test
    void percentilesAreNearestRankValuesInOneColumnEach() {
        SdkSession.Rows result = kusto.query(DB, "Requests | summarize percentiles(DurationMs, 5, 50, 95), n = count() by Host | sort by Host asc");
        assertThat(result.columns()).containsExactly("Host", "percentile_DurationMs_5", "percentile_DurationMs_50", "percentile_DurationMs_95", "n");
        assertThat(result.types()).containsExactly("string", "long", "long", "long", "long");
        assertThat(result.texts())
                .containsExactly(List.of("a", "10", "50", "100", "10"), List.of("b", "3", "5", "7", "3"));
        assertThat(rows("Requests | where Host == 'a' | summarize percentiles_array(DurationMs, 25, 99.9), percentiles_array(DurationMs, dynamic([0, 100]))"))
                .containsExactly(List.of("[30,100]", "[10,100]"));
        assertThat(kusto.query(DB, "Requests | summarize percentiles_array(DurationMs, 50)").columns()).containsExactly("percentiles_DurationMs");
    }

    @Test
    void severalOutputsCanBeNamedAtOnce() {
        SdkSession.Rows named = kusto.query(DB, "Requests | summarize (p50, p90) = percentiles(DurationMs, 50, 90), (Latest, Ms) = arg_max(Timestamp, DurationMs) "
                + "by Host | sort by Host asc");
        assertThat(named.columns()).containsExactly("Host", "p50", "p90", "Latest", "Ms");
        assertThat(named.texts()).containsExactly(List.of("a", "50", "90", "2024-05-01T10:09:00.0000000Z", "100"),
                List.of("b", "5", "7", "2024-05-01T10:02:30.0000000Z", "5"));
    }

    @Test
    void aFunctionOfANamedDatabaseIsCalledThere() {
        kusto.mgmt(DB, ".create-or-alter function Slow(least:long) { Requests | where DurationMs >= least }");
        assertThat(row("database('" + DB + "').Slow(50) | count")).containsExactly("6");
    }

    @Test
    void rowNumberCountsSortedRowsAndRestartsPerPartition() {
        assertThat(rows("range a from 1 to 10 step 1\n| sort by a desc\n| extend rn=row_number()").stream().map(r -> r.get(0) + ":" + r.get(1)))
                .containsExactly("10:1", "9:2", "8:3", "7:4", "6:5", "5:6", "4:7", "3:8", "2:9", "1:10");
        assertThat(rows("range a from 1 to 10 step 1\n| sort by a desc\n| extend rn=row_number(7)").get(0)).containsExactly("10", "7");
        assertThat(rows("datatable (Airport:string, Airline:string, Departures:long)\n[\n  \"TLV\", \"LH\", 1,\n  \"TLV\", \"LY\", 100,\n"
                + "  \"SEA\", \"LH\", 1,\n  \"SEA\", \"BA\", 2,\n  \"SEA\", \"LY\", 0\n]\n"
                + "| sort by Airport asc, Departures desc\n| extend Rank=row_number(1, prev(Airport) != Airport)"))
                .containsExactly(List.of("SEA", "BA", "2", "1"), List.of("SEA", "LH", "1", "2"), List.of("SEA", "LY", "0", "3"),
                        List.of("TLV", "LY", "100", "1"), List.of("TLV", "LH", "1", "2"));
    }

    @Test
    void prevAndNextReadNeighbouringRowsOfASortedTable() {
        assertThat(rows("Requests | where Host == 'b' | sort by Timestamp asc "
                + "| extend Gap = datetime_diff('second', Timestamp, prev(Timestamp)), Next = next(DurationMs, 1, -1), Before2 = prev(DurationMs, 2) "
                + "| project DurationMs, Gap, Next, Before2"))
                .containsExactly(List.of("7", "null", "3", "null"), List.of("3", "60", "5", "null"), List.of("5", "60", "-1", "7"));
        assertThat(rows("Requests | where Host == 'b' | top 3 by DurationMs desc | where prev(DurationMs) > DurationMs | project DurationMs"))
                .containsExactly(List.of("5"), List.of("3"));
    }

    @Test
    void conditionalAndDispersionAggregatesAndMakeBag() {
        assertThat(rows("let T = datatable(name:string, day_of_birth:long)\n[\n   \"John\", 9,\n   \"Paul\", 18,\n   \"George\", 25,\n   \"Ringo\", 7\n];\n"
                + "T\n| summarize sumif(day_of_birth, strlen(name) > 4), avgif(day_of_birth, name != 'John'), maxif(day_of_birth, name startswith 'P'), "
                + "dcountif(name, day_of_birth > 8)"))
                .containsExactly(List.of("32", "16.666666666666668", "18", "3"));
        SdkSession.Rows spread = kusto.query(DB, "range x from 1 to 5 step 1\n| summarize make_list(x), stdev(x), variance(x), stdevp(x), variancep(x)");
        assertThat(spread.columns()).containsExactly("list_x", "stdev_x", "variance_x", "stdevp_x", "variancep_x");
        List<Object> values = spread.rows().get(0);
        assertThat(((Number) values.get(1)).doubleValue()).isCloseTo(1.58113883008419, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(values.subList(2, 5)).map(SdkSession.Rows::text).containsExactly("2.5", "1.4142135623730951", "2");
        assertThat(row("let T = datatable(prop:string, value:string)\n[\n    \"prop01\", \"val_a\",\n    \"prop02\", \"val_b\",\n    \"prop03\", \"val_c\",\n];\n"
                + "T\n| extend p = bag_pack(prop, value)\n| summarize dict=make_bag(p)"))
                .containsExactly("{\"prop01\":\"val_a\",\"prop02\":\"val_b\",\"prop03\":\"val_c\"}");
    }

    @Test
    void moreScalarFunctionsFromTheDocumentation() {
        assertThat(row("print max_of(10, 1, -3, 17), min_of(10, 1, -3, 17), ceiling(-1.1), ceiling(1.1)")).containsExactly("17", "-3", "-1", "2");
        assertThat(rows("datatable (A: int, B: int)\n[\n    1, 6,\n    8, 1,\n    int(null), 2,\n    1, int(null),\n    int(null), int(null)\n]\n| project max_of(A, B)"))
                .containsExactly(List.of("6"), List.of("8"), List.of("2"), List.of("1"), List.of("null"));
        assertThat(rows("range x from 1 to 2 step 1\n| extend str=strcat('Number is ', tostring(x))\n| extend replaced=replace_regex(str, @'is (\\d+)', @'was: \\1')"))
                .containsExactly(List.of("1", "Number is 1", "Number was: 1"), List.of("2", "Number is 2", "Number was: 2"));
        assertThat(row("print  year = datetime_add('year',-5,make_datetime(2017,1,1)),\nquarter = datetime_add('quarter',12,make_datetime(2017,1,1)),\n"
                + "month = datetime_add('month',-15,make_datetime(2017,1,1)),\nweek = datetime_add('week',100,make_datetime(2017,1,1))"))
                .containsExactly("2012-01-01T00:00:00.0000000Z", "2020-01-01T00:00:00.0000000Z", "2015-10-01T00:00:00.0000000Z", "2018-12-02T00:00:00.0000000Z");
        assertThat(row("print make_datetime(2017,10,01,12,10), make_datetime(2017,2,30), endofmonth(datetime(2017-02-15)), endofweek(datetime(2017-01-01)), "
                + "endofyear(datetime(2017-06-01), 1)"))
                .containsExactly("2017-10-01T12:10:00.0000000Z", "null", "2017-02-28T23:59:59.9999999Z", "2017-01-07T23:59:59.9999999Z",
                        "2018-12-31T23:59:59.9999999Z");
    }

    @Test
    void windowFunctionsNeedASerializedRowSet() {
        assertThat(kusto.queryError(DB, "Requests | extend p = prev(DurationMs)"))
                .contains("SEM0001").contains("'prev'").contains("serialized");
        assertThat(kusto.queryError(DB, "Requests | sort by Timestamp asc | summarize count() by Host | extend rn = row_number()"))
                .contains("'row_number'").contains("serialized");
    }
}
