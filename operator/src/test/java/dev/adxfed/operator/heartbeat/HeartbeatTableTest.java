package dev.adxfed.operator.heartbeat;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartbeatTableTest {

    @Test
    void latestQueryBoundsTimestampOnBothSidesAndAsksForSchemaAndMetadata() {
        HeartbeatTable table = new HeartbeatTable("FederationHeartbeats", "Heartbeat");
        assertThat(table.latestQuery(Duration.ofMinutes(90))).isEqualTo(
                "Heartbeat | where Timestamp > ago(timespan(01:30:00.0000000)) and Timestamp <= now(timespan(00:05:00.0000000))"
                        + " | summarize arg_max(Timestamp, Schema, PartitionMetadata) by ClusterEndpoint");
    }

    @Test
    void invalidNamesAreRefused() {
        assertThatThrownBy(() -> new HeartbeatTable("Db", "Heart;beat")).hasMessageContaining("Db.Heart;beat");
    }
}
