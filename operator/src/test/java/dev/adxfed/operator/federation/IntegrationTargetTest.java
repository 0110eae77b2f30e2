package dev.adxfed.operator.federation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrationTargetTest {

    @Test
    void noVariablesMeanInProcessEmulatorClusters() {
        IntegrationTarget target = IntegrationTarget.of(Map.of());

        assertThat(target.inProcess()).isTrue();
        assertThat(target.heartbeatTtl()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void realEndpointsWithPreCreatedDatabasesAndARemoteTtl() {
        IntegrationTarget target = IntegrationTarget.of(Map.of(
                IntegrationTarget.HUB, "https://hub.westeurope.kusto.windows.net",
                IntegrationTarget.PARTITIONS, " https://p1.eastus.kusto.windows.net, https://p2.eastus.kusto.windows.net ,",
                IntegrationTarget.DATABASES, "AdxfedItMetrics,AdxfedItLogs",
                IntegrationTarget.HEARTBEAT_DATABASE, "AdxfedItHeartbeats"));

        assertThat(target.inProcess()).isFalse();
        assertThat(target.partitions()).containsExactly("https://p1.eastus.kusto.windows.net", "https://p2.eastus.kusto.windows.net");
        assertThat(target.databases()).containsExactly("AdxfedItMetrics", "AdxfedItLogs");
        assertThat(target.heartbeatDatabase()).contains("AdxfedItHeartbeats");
        assertThat(target.heartbeatTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void preCreatedDatabasesNeedAHeartbeatDatabaseOfTheHubsOwn() {
        Map<String, String> env = Map.of(IntegrationTarget.HUB, "https://hub.westeurope.kusto.windows.net",
                IntegrationTarget.PARTITIONS, "https://p1.eastus.kusto.windows.net,https://p2.eastus.kusto.windows.net",
                IntegrationTarget.DATABASES, "AdxfedItMetrics,AdxfedItLogs");

        assertThatThrownBy(() -> IntegrationTarget.of(env)).hasMessageContaining(IntegrationTarget.HEARTBEAT_DATABASE);
        Map<String, String> shared = new java.util.HashMap<>(env);
        shared.put(IntegrationTarget.HEARTBEAT_DATABASE, "AdxfedItMetrics");
        assertThatThrownBy(() -> IntegrationTarget.of(shared)).hasMessageContaining("not one of " + IntegrationTarget.DATABASES);
    }

    @Test
    void loopbackEndpointsOfASeparateEmulatorKeepTheShortTtl() {
        IntegrationTarget target = IntegrationTarget.of(Map.of(IntegrationTarget.HUB, "http://127.0.0.1:8083",
                IntegrationTarget.PARTITIONS, "http://127.0.0.1:8080,http://127.0.0.1:8081"));

        assertThat(target.databases()).isEmpty();
        assertThat(target.heartbeatTtl()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void halfSetOrMalformedVariablesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> IntegrationTarget.of(Map.of(IntegrationTarget.PARTITIONS, "https://p1.kusto.windows.net")))
                .hasMessageContaining("ADXFED_IT_HUB is not set, but ADXFED_IT_PARTITIONS is");
        assertThatThrownBy(() -> IntegrationTarget.of(Map.of(IntegrationTarget.HUB, "https://hub.kusto.windows.net",
                IntegrationTarget.PARTITIONS, "https://p1.kusto.windows.net")))
                .hasMessageContaining("ADXFED_IT_PARTITIONS needs at least two").hasMessageContaining("got 1");
        assertThatThrownBy(() -> IntegrationTarget.of(Map.of(IntegrationTarget.HUB, "hub.kusto.windows.net",
                IntegrationTarget.PARTITIONS, "https://p1.kusto.windows.net,https://p2.kusto.windows.net")))
                .hasMessageContaining("ADXFED_IT_HUB: 'hub.kusto.windows.net' is not an http(s) cluster URL");
        assertThatThrownBy(() -> IntegrationTarget.of(Map.of(IntegrationTarget.HUB, "https://hub.kusto.windows.net",
                IntegrationTarget.PARTITIONS, "https://p1.kusto.windows.net,https://hub.kusto.windows.net")))
                .hasMessageContaining("lists the hub");
        assertThatThrownBy(() -> IntegrationTarget.of(Map.of(IntegrationTarget.HUB, "https://hub.kusto.windows.net",
                IntegrationTarget.PARTITIONS, "https://p1.kusto.windows.net,https://p2.kusto.windows.net",
                IntegrationTarget.DATABASES, "Metrics,drop;me")))
                .hasMessageContaining("'drop;me' is not a database name");
    }
}
