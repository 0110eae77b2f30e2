package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXClusterStatus;
import dev.adxfed.operator.federation.Conflict;
import dev.adxfed.operator.federation.ExcludedPartitions;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeartbeatTimes;
import dev.adxfed.operator.federation.HeldDepartures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static dev.adxfed.operator.controller.StatusDecisionTest.T1;
import static dev.adxfed.operator.controller.StatusDecisionTest.T2;
import static dev.adxfed.operator.controller.StatusDecisionTest.cluster;
import static org.assertj.core.api.Assertions.assertThat;

/** The reasons issue 8 added, and the bounds that keep a hostile hub's status small. */
class FederationConditionTest {

    static FederationReport report(SortedMap<String, Integer> partitionsByDatabase, Map<String, Integer> failures,
                                   List<String> messages, List<Conflict> conflicts, HeldDepartures held,
                                   ExcludedPartitions excluded, List<String> missing) {
        int partitions = partitionsByDatabase.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new FederationReport(true, partitions, List.of(), partitionsByDatabase, 2, 3, Map.of(), failures,
                messages, 5, 0, 0, List.of(), conflicts, held, excluded, missing, HeartbeatTimes.none(Duration.ofHours(1)), false);
    }

    static FederationReport clean(List<Conflict> conflicts, HeldDepartures held, List<String> missing) {
        return report(new TreeMap<>(Map.of("Metrics", 3)), Map.of(), List.of(), conflicts, held,
                ExcludedPartitions.NONE, missing);
    }

    static StatusDecision.Decision decide(FederationReport report) {
        ADXClusterStatus before = StatusDecision.decide(cluster(null), new Outcome.FederationDone(clean(List.of(),
                HeldDepartures.NONE, List.of())), T1).status();
        return StatusDecision.decide(cluster(before), new Outcome.FederationDone(report), T2);
    }

    @Test
    void zeroLivePartitionsIsNoLivePartitionsAndKeepsTheLastSuccessfulSync() {
        FederationReport none = report(new TreeMap<>(), Map.of(), List.of(), List.of(), HeldDepartures.NONE,
                new ExcludedPartitions(2, 1, 0), List.of());

        StatusDecision.Decision decision = decide(none);

        Condition condition = decision.status().conditions.get(0);
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("NoLivePartitions");
        assertThat(condition.getMessage()).startsWith("No live member partition")
                .contains("3 fresh partitions are not members (blocked 2, not selected 1, metadata missing 0)");
        assertThat(decision.status().federation.lastSuccessfulSyncTime).isEqualTo(T1.toString());
        assertThat(decision.status().federation.lastSyncTime).isEqualTo(T2.toString());
        assertThat(decision.status().federation.partitions).isZero();
        assertThat(decision.reason().result()).isEqualTo("noLivePartitions");
        assertThat(decision.reason().retrySoon()).as("a hub waiting for partitions is not a failure").isFalse();
    }

    @Test
    void aMissingHubDatabaseNamesItAndWhatToDo() {
        StatusDecision.Decision decision = decide(clean(List.of(), HeldDepartures.NONE, List.of("Sales")));

        Condition condition = decision.status().conditions.get(0);
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("HubDatabaseMissing");
        assertThat(condition.getMessage()).startsWith("Database Sales is missing on the hub")
                .contains("create it in Azure").contains("spec.provision");
        assertThat(decision.status().federation.missingHubDatabases).containsExactly("Sales");
        assertThat(decision.status().federation.missingHubDatabaseCount).isEqualTo(1);
        assertThat(decision.status().federation.lastSuccessfulSyncTime).isEqualTo(T1.toString());
        assertThat(decision.reason().retrySoon()).as("a retry cannot make the database").isFalse();
    }

    @Test
    void heldDeparturesNameTheEndpointsAndHowToReleaseThem() {
        HeldDepartures held = new HeldDepartures(List.of("https://b.kusto.windows.net", "https://a.kusto.windows.net"),
                3, "2 of 3 members would leave, more than maxDepartingFraction 0.5");

        StatusDecision.Decision decision = decide(clean(List.of(), held, List.of()));

        Condition condition = decision.status().conditions.get(0);
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("DeparturesHeld");
        assertThat(condition.getMessage()).startsWith("Departures held: https://a.kusto.windows.net;"
                        + " https://b.kusto.windows.net. 2 of 3 members would leave, more than maxDepartingFraction 0.5.")
                .contains("kubectl annotate adxcluster hub adxfed.dev/release-departures=true");
        assertThat(decision.status().federation.heldDepartures)
                .containsExactly("https://a.kusto.windows.net", "https://b.kusto.windows.net");
        assertThat(decision.status().federation.lastSuccessfulSyncTime).as("everything else went through")
                .isEqualTo(T2.toString());
    }

    @Test
    void aConflictLeavesThePassCompleteButShowsInTheStatusAndMessage() {
        List<Conflict> conflicts = List.of(new Conflict("Metrics", Conflict.Kind.FUNCTION, "Cpu"),
                new Conflict("Sales", Conflict.Kind.ENTITY_GROUP, "Sales_Partitions"));

        StatusDecision.Decision decision = decide(clean(conflicts, HeldDepartures.NONE, List.of()));

        Condition condition = decision.status().conditions.get(0);
        assertThat(condition.getReason()).isEqualTo("Complete");
        assertThat(condition.getMessage()).contains("Left alone, not the operator's: function Metrics.Cpu;"
                + " entityGroup Sales.Sales_Partitions.");
        assertThat(decision.status().federation.conflicts)
                .containsExactly("function Metrics.Cpu", "entityGroup Sales.Sales_Partitions");
        assertThat(decision.status().federation.conflictCount).isEqualTo(2);
    }

    @Test
    void aHostileHubCannotGrowTheStatusPastItsBounds() {
        String huge = "x".repeat(2_000);
        SortedMap<String, Integer> databases = new TreeMap<>();
        IntStream.range(0, 500).forEach(i -> databases.put("Db" + i + huge.substring(0, 200), 1));
        List<Conflict> conflicts = IntStream.range(0, 500)
                .mapToObj(i -> new Conflict("Db" + i, Conflict.Kind.FUNCTION, "F" + huge)).toList();
        List<String> missing = IntStream.range(0, 500).mapToObj(i -> "Db" + i + huge).toList();
        HeldDepartures held = new HeldDepartures(IntStream.range(0, 500)
                .mapToObj(i -> "https://p" + i + ".kusto.windows.net/" + huge).toList(), 1_000, huge);
        List<String> messages = IntStream.range(0, 500).mapToObj(i -> "function.createOrAlter F" + i + huge).toList();

        StatusDecision.Decision decision = decide(report(databases, Map.of("function.createOrAlter", 500), messages,
                conflicts, held, ExcludedPartitions.NONE, missing));

        var federation = decision.status().federation;
        assertThat(decision.reason()).isEqualTo(ConditionReason.HUB_DATABASE_MISSING);
        assertThat(federation.databases).hasSize(50);
        assertThat(federation.databaseCount).isEqualTo(500);
        assertThat(federation.conflicts).hasSize(50);
        assertThat(federation.conflictCount).isEqualTo(500);
        assertThat(federation.heldDepartures).hasSize(50);
        assertThat(federation.heldDepartureCount).isEqualTo(500);
        assertThat(federation.missingHubDatabases).hasSize(50);
        assertThat(federation.missingHubDatabaseCount).isEqualTo(500);
        assertThat(decision.status().conditions.get(0).getMessage()).hasSizeLessThanOrEqualTo(StatusLimits.MESSAGE_CHARS)
                .contains("500 databases are");
        int bytes = Serialization.asJson(decision.status()).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("the status as the API server stores it").isLessThan(200_000);
    }
}
