package dev.adxfed.operator.heartbeat;

import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.kusto.FakeKusto;
import dev.adxfed.operator.kusto.Kusto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatSenderTest {

    static final String PARTITION = "http://127.0.0.1:9001";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    FakeKusto partition;
    FakeKusto hubA;
    FakeKusto hubB;
    Map<String, Kusto> clusters;
    HeartbeatSender sender;

    static FederatedTarget target(String endpoint) {
        FederatedTarget t = new FederatedTarget();
        t.endpoint = endpoint;
        t.heartbeatDatabase = "FederationHeartbeats";
        t.heartbeatTable = "Heartbeat";
        t.managedIdentityClientId = "";
        return t;
    }

    @BeforeEach
    void clusters() {
        partition = new FakeKusto(PARTITION)
                .on(".show databases"::equals, c -> List.of(Map.of("DatabaseName", "Metrics"), Map.of("DatabaseName", "Logs")))
                .on(t -> t.startsWith(".show database Metrics schema"), c -> List.of(Map.of("DatabaseSchema",
                        DatabaseSchemaJsonTest.METRICS_SCHEMA)))
                .on(t -> t.startsWith(".show database Logs schema"), c -> List.of(Map.of("DatabaseSchema",
                        "{\"Databases\":{\"Logs\":{\"Tables\":{\"Syslog\":{\"OrderedColumns\":[]}},\"Functions\":{}}}}")));
        hubA = new FakeKusto("http://hub-a.test").on(t -> t.startsWith(".ingest inline"), c -> List.of());
        hubB = new FakeKusto("http://hub-b.test").on(t -> t.startsWith(".ingest inline"), c -> List.of());
        clusters = Map.of(PARTITION, partition, "http://hub-a.test", hubA, "http://hub-b.test", hubB);
        sender = new HeartbeatSender((endpoint, identity) -> clusters.get(endpoint), CLOCK);
    }

    @Test
    void readsTheSchemaInOnePlusDatabasesRoundTripsAndIngestsOneRowPerTarget() {
        HeartbeatReport report = sender.send(PARTITION, Map.of("geo", "EU"),
                List.of(target("http://hub-a.test"), target("http://hub-b.test")));

        assertThat(report.partitionRoundTrips()).isEqualTo(3);
        assertThat(report.reached()).containsExactly("http://hub-a.test", "http://hub-b.test");
        assertThat(report.databases()).isEqualTo(2);
        assertThat(report.schemaFailure()).isEmpty();
        assertThat(hubA.sent()).singleElement().satisfies(s -> {
            assertThat(s.database()).isEqualTo("FederationHeartbeats");
            assertThat(s.text()).startsWith(".ingest inline into table Heartbeat <| 2026-11-25T10:00:00Z,http://127.0.0.1:9001,")
                    .contains("\"\"database\"\":\"\"Logs\"\",\"\"tables\"\":[\"\"Syslog\"\"]")
                    .contains("\"\"views\"\":[\"\"CpuByHost\"\"]")
                    .endsWith(",\"{\"\"geo\"\":\"\"EU\"\"}\"");
        });
    }

    @Test
    void oneFailingTargetDoesNotStopTheOthers() {
        hubA.failing(t -> true);

        HeartbeatReport report = sender.send(PARTITION, Map.of(), List.of(target("http://hub-a.test"), target("http://hub-b.test")));

        assertThat(report.reached()).containsExactly("http://hub-b.test");
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo("http://hub-a.test");
            assertThat(f.stage()).isEqualTo("heartbeat.ingest");
            assertThat(f.message()).isEqualTo("heartbeat.ingest failed on http://hub-a.test database FederationHeartbeats:"
                    + " refused by the test");
        });
    }

    @Test
    void aFailedSchemaReadStillSendsTheLastSchemaReadAndSaysSo() {
        sender.send(PARTITION, Map.of(), List.of(target("http://hub-a.test")));
        partition.failing(t -> t.startsWith(".show database Logs"));

        HeartbeatReport report = sender.send(PARTITION, Map.of(), List.of(target("http://hub-a.test")));

        assertThat(report.reached()).containsExactly("http://hub-a.test");
        assertThat(report.schemaFailure()).hasValueSatisfying(m -> assertThat(m).startsWith("schema.read failed on "
                + PARTITION + " database Logs"));
        assertThat(report.databases()).isEqualTo(2);
        List<FakeKusto.Sent> ingests = hubA.sent();
        assertThat(ingests.get(1).text().substring(ingests.get(1).text().indexOf(",")))
                .isEqualTo(ingests.get(0).text().substring(ingests.get(0).text().indexOf(",")));
    }

    @Test
    void withNoSchemaEverReadNothingIsSentRatherThanAnEmptySchema() {
        partition.failing(".show databases"::equals);

        HeartbeatReport report = sender.send(PARTITION, Map.of(), List.of(target("http://hub-a.test")));

        assertThat(hubA.sent()).isEmpty();
        assertThat(report.sent()).isFalse();
        assertThat(report.failures()).extracting(TargetFailure::message).containsExactly("no schema read yet");
        assertThat(report.schemaFailure()).hasValueSatisfying(m -> assertThat(m).startsWith("schema.showDatabases failed"));
    }
}
