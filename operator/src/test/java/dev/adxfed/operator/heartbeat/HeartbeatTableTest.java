package dev.adxfed.operator.heartbeat;

import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartbeatTableTest {

    @Test
    void latestQueryWritesTheTtlAsATimespanLiteralAndAsksOnlyForTheSchema() {
        HeartbeatTable table = new HeartbeatTable("FederationHeartbeats", "Heartbeat");
        assertThat(table.latestQuery(Duration.ofMinutes(90))).isEqualTo(
                "Heartbeat | where Timestamp > ago(timespan(01:30:00.0000000))"
                        + " | summarize arg_max(Timestamp, Schema) by ClusterEndpoint");
    }

    @Test
    void invalidNamesAreRefused() {
        assertThatThrownBy(() -> new HeartbeatTable("Db", "Heart;beat")).hasMessageContaining("Db.Heart;beat");
    }

    @Test
    void everyTextParsesInMicrosoftsParser() {
        HeartbeatTable plain = new HeartbeatTable("FederationHeartbeats", "Heartbeat");
        HeartbeatTable odd = new HeartbeatTable("Fed-Heartbeats", "heart.beat");
        Heartbeat heartbeat = new Heartbeat(Instant.parse("2026-11-25T10:00:00Z"), "https://p1.kusto.windows.net",
                HeartbeatTest.metricsAndLogs(), Map.of("geo", "EU, \"west\"", "tenant", "a\nb"));
        List<String> texts = List.of(plain.latestQuery(Duration.ofHours(1)), odd.latestQuery(Duration.ofDays(2)),
                plain.createCommand(), odd.createCommand(), plain.showTablesCommand(),
                heartbeat.ingestCommand(plain.table()), heartbeat.ingestCommand(odd.table()));

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(verdicts.get(i).valid()).as(texts.get(i) + " " + verdicts.get(i).describe()).isTrue();
        }
    }
}
