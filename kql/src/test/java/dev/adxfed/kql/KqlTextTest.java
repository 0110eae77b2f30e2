package dev.adxfed.kql;

import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KqlTextTest {

    @Test
    void plainNamesStayBareAndOthersAreBracketed() {
        assertThat(KqlText.identifier("Heartbeat")).isEqualTo("Heartbeat");
        assertThat(KqlText.identifier("_private1")).isEqualTo("_private1");
        assertThat(KqlText.identifier("count")).isEqualTo("count");
        assertThat(KqlText.identifier("views")).isEqualTo("['views']");
        assertThat(KqlText.identifier("where")).isEqualTo("['where']");
        assertThat(KqlText.identifier("True")).isEqualTo("['True']");
        assertThat(KqlText.identifier("my-table")).isEqualTo("['my-table']");
        assertThat(KqlText.identifier("a.b")).isEqualTo("['a.b']");
        assertThat(KqlText.identifier("1day")).isEqualTo("['1day']");
        assertThat(KqlText.identifier("it's")).isEqualTo("['it\\'s']");
        assertThatThrownBy(() -> KqlText.identifier("")).hasMessageContaining("empty");
    }

    @Test
    void stringLiteralsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(KqlText.string("plain")).isEqualTo("'plain'");
        assertThat(KqlText.string("it's \"x\" \\ y")).isEqualTo("'it\\'s \"x\" \\\\ y'");
        assertThat(KqlText.string("a\nb\r\tc\u0001")).isEqualTo("'a\\nb\\r\\tc\\u0001'");
        assertThat(KqlText.string("é😀")).isEqualTo("'é😀'");
        assertThat(KqlText.string("\uD800x")).isEqualTo("'\\ud800x'");
    }

    @Test
    void timespansUseDaysHoursMinutesSecondsAndSevenFractionDigits() {
        assertThat(KqlText.timespan(Duration.ofHours(1))).isEqualTo("timespan(01:00:00.0000000)");
        assertThat(KqlText.timespan(Duration.parse("P1DT2H3M4.5S"))).isEqualTo("timespan(1.02:03:04.5000000)");
        assertThat(KqlText.timespan(Duration.ofMillis(-1500))).isEqualTo("timespan(-00:00:01.5000000)");
        assertThat(KqlText.timespan(Duration.ofNanos(100))).isEqualTo("timespan(00:00:00.0000001)");
        assertThatThrownBy(() -> KqlText.timespan(Duration.ofNanos(50))).hasMessageContaining("100 ns");
        assertThatThrownBy(() -> KqlText.timespan(Duration.ofDays(20_000_000))).hasMessageContaining("range");
    }

    @Test
    void datetimesAreUtcWithSevenFractionDigits() {
        assertThat(KqlText.datetime(Instant.parse("2026-11-25T12:00:00Z")))
                .isEqualTo("datetime(2026-11-25T12:00:00.0000000Z)");
        assertThat(KqlText.datetime(Instant.parse("2026-01-02T03:04:05.123456700Z")))
                .isEqualTo("datetime(2026-01-02T03:04:05.1234567Z)");
        assertThatThrownBy(() -> KqlText.datetime(Instant.parse("+10000-01-01T00:00:00Z"))).hasMessageContaining("range");
    }

    @Test
    void entitiesQuoteBothParts() {
        assertThat(KqlText.entity("http://127.0.0.1:8080", "Metrics"))
                .isEqualTo("cluster('http://127.0.0.1:8080').database('Metrics')");
        assertThat(KqlText.entity("c'1", "d")).isEqualTo("cluster('c\\'1').database('d')");
    }

    @Test
    void entityNamesFollowKustoNamingRules() {
        assertThat(KqlText.isValidEntityName("Metrics")).isTrue();
        assertThat(KqlText.isValidEntityName("my table-2.v1")).isTrue();
        assertThat(KqlText.isValidEntityName("Données")).isTrue();
        assertThat(KqlText.isValidEntityName("a".repeat(1024))).isTrue();
        assertThat(KqlText.isValidEntityName("a".repeat(1025))).isFalse();
        assertThat(KqlText.isValidEntityName("")).isFalse();
        assertThat(KqlText.isValidEntityName("a;b")).isFalse();
        assertThat(KqlText.isValidEntityName("a:b")).isFalse();
        assertThat(KqlText.isValidEntityName("a'b")).isFalse();
        assertThat(KqlText.isValidEntityName("__internal")).isFalse();
        assertThat(KqlText.isValidEntityName("internal__")).isFalse();
        assertThat(KqlText.isValidEntityName(" padded")).isFalse();
    }

    @Test
    void microsoftsParserAcceptsEverythingWritten() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String s = nastyString(random);
            texts.add("print x = " + KqlText.string(s));
            texts.add("T | project " + KqlText.identifier(s.isEmpty() ? "x" : s) + " = 1");
            texts.add("print " + KqlText.entity(s, s));
        }
        texts.add("print ago(" + KqlText.timespan(Duration.parse("P1DT2H3M4.5S")) + ")");
        texts.add("print " + KqlText.timespan(Duration.ofMillis(-1500)));
        texts.add("print " + KqlText.datetime(Instant.parse("2026-11-25T12:00:00Z")));
        texts.add("print " + KqlText.datetime(Instant.parse("0001-01-01T00:00:00Z")));
        for (String keyword : List.of("views", "where", "true", "project", "by", "datetime", "has", "in", "my-table")) {
            texts.add("T | project " + KqlText.identifier(keyword) + ", s." + KqlText.identifier(keyword));
        }

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);

        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!verdicts.get(i).valid()) {
                rejected.add(texts.get(i) + " -> " + verdicts.get(i).describe());
            }
        }
        assertThat(rejected).isEmpty();
    }

    static String nastyString(Random random) {
        String alphabet = "ab'\"\\\n\r\t\u0000\u0007\u007féß漢 {}[]()|;.-$@h";
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(alphabet.length() + 2);
            if (pick == alphabet.length()) {
                s.append("😀");
            } else if (pick == alphabet.length() + 1) {
                s.append((char) (0xD800 + random.nextInt(0x800)));
            } else {
                s.append(alphabet.charAt(pick));
            }
        }
        return s.toString();
    }
}
