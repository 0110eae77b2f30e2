package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalarFunctionsTest {
    @AfterAll
    static void microsoftsParserAcceptsTheQueries() {
        TestClusters.assertMicrosoftParserAcceptsEveryText();
    }

    private final TestClusters clusters = new TestClusters();

    @BeforeEach
    void setUp() {
        TestClusters.database(clusters.cluster("c1", 10001), "Db");
    }

    private List<Object> print(String expressions) {
        return TestClusters.rows(clusters.run("c1", "Db", "print " + expressions)).get(0);
    }

    private List<String> types(String expressions) {
        return TestClusters.columns(clusters.run("c1", "Db", "print " + expressions));
    }

    @Test
    void timeFunctionsUseTheQueryInstantAndKustoCalendar() {
        assertThat(print("now(), ago(1h), ago(timespan(01:00:00)), bin(datetime(2024-05-01 10:07:31), 5m), startofday(datetime(2024-05-01 10:07))"))
                .containsExactly(TestClusters.NOW, Instant.parse("2024-05-01T11:00:00Z"), Instant.parse("2024-05-01T11:00:00Z"),
                        Instant.parse("2024-05-01T10:05:00Z"), Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(print("datetime_diff('day', datetime(2024-05-03 01:00), datetime(2024-05-01 23:00)), "
                + "datetime_diff('month', datetime(2024-05-01), datetime(2023-12-31)), datetime_diff('hour', datetime(2024-05-01 10:59), datetime(2024-05-01 09:01))"))
                .containsExactly(2L, 5L, 1L);
        assertThat(print("format_datetime(datetime(2024-05-01 08:09:10.123), 'yyyy-MM-dd HH:mm:ss.fff'), format_datetime(datetime(2024-05-01 15:00), 'h tt')"))
                .containsExactly("2024-05-01 08:09:10.123", "3 PM");
    }

    @Test
    void arithmeticAcrossDatetimesTimespansAndNumbersHasKustoTypes() {
        assertThat(types("datetime(2024-05-02) - datetime(2024-05-01), datetime(2024-05-01) + 1h, 1h * 2, 2h / 1h, toint(1) + toint(2), 7 / 2, 7 / 2.0"))
                .containsExactly("print_0:timespan", "print_1:datetime", "print_2:timespan", "print_3:real", "print_4:long", "print_5:long", "print_6:real");
        assertThat(print("datetime(2024-05-02) - datetime(2024-05-01), datetime(2024-05-01) + 1h, 1h * 2, 2h / 1h, toint(1) + toint(2), 7 / 2, 7 / 2.0, -7 % 3"))
                .containsExactly(Duration.ofDays(1), Instant.parse("2024-05-01T01:00:00Z"), Duration.ofHours(2), 2.0, 3L, 3L, 3.5, -1L);
    }

    @Test
    void binRoundsDownNumbersToo() {
        assertThat(types("bin(toint(7), 5), bin(4.5, 1), floor(-7, 5)")).containsExactly("print_0:long", "print_1:real", "print_2:long");
        assertThat(print("bin(toint(7), 5), bin(4.5, 1), floor(-7, 5), bin(90m, 1h)")).containsExactly(5L, 4.0, -10L, Duration.ofHours(1));
    }

    @Test
    void nullsPropagateAndComparisonsFollowKustoRules() {
        assertThat(print("long(null) + 1, long(null) == long(null), long(null) == 1, long(null) != 1, long(null) > 1, 1 == 1.0, isnull(long(null)), isnotnull(1), isempty(''), isnotempty('a')"))
                .containsExactly(null, null, false, true, null, true, true, true, true, true);
        assertThat(print("true and bool(null), false and bool(null), true or bool(null), not(true)"))
                .containsExactly(null, false, true, false);
    }

    @Test
    void failedConversionsGiveNullNotAnError() {
        assertThat(print("toint('12'), toint('x'), tolong('12.5'), toreal('2.5'), tobool('true'), tobool('yes'), todatetime('2024-05-01T10:00:00Z'), todatetime('nope'), totimespan('01:30:00'), toguid('not a guid')"))
                .containsExactly(12, null, null, 2.5, true, null, Instant.parse("2024-05-01T10:00:00Z"), null, Duration.ofMinutes(90), null);
        assertThat(print("toguid('0f8fad5b-d9cb-469f-a165-70867728950e')"))
                .containsExactly(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    @Test
    void tostringWritesValuesAsKustoDoes() {
        assertThat(print("tostring(datetime(2024-05-01 10:00)), tostring(datetime(2024-05-01 10:00:00.5)), tostring(90m), tostring(1d + 2h), tostring(1.0), tostring(0.25), tostring(true), tostring(long(null)), tostring(dynamic({\"a\":1}))"))
                .containsExactly("2024-05-01T10:00:00Z", "2024-05-01T10:00:00.5000000Z", "01:30:00", "1.02:00:00", "1", "0.25", "true", "", "{\"a\":1}");
    }

    @Test
    void stringFunctions() {
        assertThat(print("strcat('a', 1, true), strlen('héllo'), substring('abcdef', 2, 3), substring('abc', 1), tolower('AbC'), toupper('AbC'), "
                + "replace_string('a-b-c', '-', '+'), trim(' ', '  x  '), extract('id=([0-9]+)', 1, 'x id=42 y'), extract('z', 0, 'abc')"))
                .containsExactly("a1true", 5L, "cde", "bc", "abc", "ABC", "a+b+c", "x", "42", "");
        assertThat(print("tostring(split('a,b,c', ',')), tostring(split('a,b,c', ',', 1))")).containsExactly("[\"a\",\"b\",\"c\"]", "[\"b\"]");
    }

    @Test
    void trimRemovesEveryLeadingAndTrailingMatchWhetherThePatternIsOneCharacterClassOrNot() {
        assertThat(print("trim(@'\\s+', ' \\t x  y \\n'), trim(@'[ab]*', 'abxyba'), trim_start(@'\\d', '12x3'), trim_end('-', 'x--'),"
                + " trim('ab', 'ababxab'), trim(@'a\\d*b', 'a1bxa12b'), trim_end(@'\\s+', 'x'), trim(@'\\s', '   ')"))
                .containsExactly("x  y", "xy", "x3", "x", "x", "x", "x", "");
    }

    @Test
    void stringOperators() {
        assertThat(print("'North America' has 'america', 'NorthAmerica' has 'america', 'abc' contains 'B', 'abc' contains_cs 'B', "
                + "'Hello' startswith 'he', 'Hello' endswith_cs 'LO', 'abc' =~ 'ABC', 'abc' !~ 'ABC', 'a1b' matches regex '[0-9]', 'x' in ('a', 'x'), 'X' in~ ('a', 'x'), 5 between (1 .. 5), 'ab' !in ('ab')"))
                .containsExactly(true, false, true, false, true, false, true, false, true, true, true, true, false);
    }

    @Test
    void conditionalAndDynamicFunctions() {
        assertThat(print("iff(1 > 2, 'a', 'b'), case(1 > 2, 'x', 2 > 1, 'y', 'z'), coalesce(long(null), 3), coalesce('', 'b'), iff(true, 1, 2.5)"))
                .containsExactly("b", "y", 3L, "b", 1.0);
        assertThat(print("array_length(dynamic([1,2,3])), array_length(dynamic({})), tostring(bag_keys(dynamic({\"a\":1,\"b\":2}))), "
                + "tostring(pack('k', 1, 'v', 'x')), tostring(bag_pack('k', 2)), tostring(pack_array(1, 'a', true))"))
                .containsExactly(3L, null, "[\"a\",\"b\"]", "{\"k\":1,\"v\":\"x\"}", "{\"k\":2}", "[1,\"a\",true]");
        assertThat(print("tostring(parse_json('{\"a\":{\"b\":[10,20]}}').a.b[1]), tolong(todynamic('{\"n\":5}')['n']), tostring(dynamic([1,2])[-1])"))
                .containsExactly("20", 5L, "2");
    }

    @Test
    void hashIsXxHash64AsDocumentedByKusto() {
        assertThat(print("hash('World'), hash('World', 100), hash(datetime(2015-01-01))"))
                .containsExactly(1846988464401551951L, 51L, 1380966698541616202L);
    }

    @Test
    void typeErrorsAndUnknownFunctionsAreKustoErrors() {
        assertThatThrownBy(() -> print("datetime(2024-01-01) + 'a'"))
                .isInstanceOf(KustoError.class)
                .hasMessageContaining("SEM0001").hasMessageContaining("datetime and string");
        assertThatThrownBy(() -> print("no_such_function(1)"))
                .isInstanceOf(KustoError.class)
                .hasMessageContaining("SEM0260").hasMessageContaining("no_such_function");
        assertThatThrownBy(() -> print("1 == 'a'"))
                .isInstanceOf(KustoError.class).hasMessageContaining("Cannot compare values of types long and string");
    }

    @Test
    void letScalarsAndLambdas() {
        assertThat(TestClusters.rows(clusters.run("c1", "Db", "let n = 5; let twice = (x:long) { x * 2 }; print twice(n), twice(1)")))
                .containsExactly(Arrays.asList(10L, 2L));
    }
}
