package dev.adxfed.operator.federation;

import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.heartbeat.PartitionDatabase;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration TTL = Duration.ofHours(1);

    static PartitionHeartbeat heartbeat(String endpoint, Duration ago, Map<String, String> metadata) {
        return new PartitionHeartbeat(endpoint, NOW.minus(ago),
                List.of(PartitionDatabase.of("Metrics", Set.of("Cpu"), Set.of())), metadata);
    }

    static FederationSettings settings(String selector, double fraction) {
        FederationSpec spec = new FederationSpec();
        spec.partitionSelector = selector;
        spec.maxDepartingFraction = fraction;
        return FederationSettings.of(spec);
    }

    static List<String> endpoints(Membership m) {
        return m.members().stream().map(PartitionHeartbeat::clusterEndpoint).toList();
    }

    @Test
    void blockedAndUnselectedPartitionsAreLeftOutAndCountedByWhy() {
        List<PartitionHeartbeat> read = List.of(
                heartbeat("https://a.net", Duration.ofMinutes(1), Map.of("region", "eastus")),
                heartbeat("https://b.net", Duration.ofMinutes(1), Map.of("region", "westeurope")),
                heartbeat("https://c.net", Duration.ofMinutes(1), Map.of()),
                heartbeat("https://d.net", Duration.ofMinutes(1), Map.of("region", "eastus")));

        Membership m = Membership.of(read, NOW, TTL, settings("metadata.region != 'westeurope'", 0.5),
                Set.of("https://d.net"), Set.of(), false);

        assertThat(endpoints(m)).containsExactly("https://a.net");
        assertThat(m.excluded()).isEqualTo(new ExcludedPartitions(1, 1, 1));
    }

    @Test
    void theSelectorSeesTheEndpoint() {
        Membership m = Membership.of(List.of(heartbeat("https://prod.net", Duration.ZERO, Map.of()),
                        heartbeat("https://test.net", Duration.ZERO, Map.of())), NOW, TTL,
                settings("endpoint.contains('prod')", 0.5), Set.of(), Set.of(), false);

        assertThat(endpoints(m)).containsExactly("https://prod.net");
    }

    @Test
    void moreThanTheFractionFallingSilentIsHeldAndExactlyTheFractionIsNot() {
        Duration silent = Duration.ofHours(2);
        Set<String> four = Set.of("https://a.net", "https://b.net", "https://c.net", "https://d.net");
        List<PartitionHeartbeat> twoSilent = List.of(heartbeat("https://a.net", Duration.ZERO, Map.of()),
                heartbeat("https://b.net", Duration.ZERO, Map.of()), heartbeat("https://c.net", silent, Map.of()),
                heartbeat("https://d.net", silent, Map.of()));

        Membership half = Membership.of(twoSilent, NOW, TTL, settings(null, 0.5), Set.of(), four, false);
        Membership strict = Membership.of(twoSilent, NOW, TTL, settings(null, 0.25), Set.of(), four, false);

        assertThat(half.held().isEmpty()).isTrue();
        assertThat(endpoints(half)).containsExactly("https://a.net", "https://b.net");
        assertThat(strict.held().endpoints()).containsExactly("https://c.net", "https://d.net");
        assertThat(strict.held().reason()).startsWith("2 of 4 member partitions fell silent");
        assertThat(endpoints(strict)).hasSize(4);
        assertThat(strict.fresh()).isEqualTo(2);
    }

    @Test
    void silentPartitionsThatAreNotMembersOrAreBeyondTheHoldTimeAreNeverHeld() {
        List<PartitionHeartbeat> read = List.of(heartbeat("https://a.net", Duration.ZERO, Map.of()),
                heartbeat("https://b.net", Duration.ofHours(2), Map.of()),
                heartbeat("https://c.net", Duration.ofHours(8), Map.of()));

        Membership m = Membership.of(read, NOW, TTL, settings(null, 0.1), Set.of(),
                Set.of("https://a.net", "https://c.net"), false);

        assertThat(m.held().isEmpty()).isTrue();
        assertThat(endpoints(m)).containsExactly("https://a.net");
    }

    @Test
    void aBadSelectorIsAnInvalidSpecWithCelsMessage() {
        assertThatThrownBy(() -> settings("metadata.region ==", 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spec.federation.partitionSelector does not compile: ");
        assertThatThrownBy(() -> settings("metadata.region", 0.5)).hasMessageContaining("not a bool");
        assertThatThrownBy(() -> settings("region == 'x'", 0.5)).hasMessageContaining("undeclared reference to 'region'");
    }
}
