package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.server.QueryResult;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.kql.syntax.EntityReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.adxfed.emulator.engine.TestClusters.endpoint;
import static dev.adxfed.emulator.engine.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacroExpandTest {
    @AfterAll
    static void microsoftsParserAcceptsTheQueries() {
        TestClusters.assertMicrosoftParserAcceptsEveryText();
    }

    private static final String STOPPED = "http://127.0.0.1:19999";
    private final TestClusters clusters = new TestClusters();
    private ClusterCatalog hub;

    private static Instant t(String time) {
        return Instant.parse("2024-05-01T" + time + "Z");
    }

    @BeforeEach
    void setUp() {
        hub = clusters.cluster("hub", 10000);
        TestClusters.database(hub, "Metrics");
        for (int p = 1; p <= 3; p++) {
            ClusterCatalog partition = clusters.cluster("p" + p, 10000 + p);
            if (p < 3) {
                TestClusters.table(partition, "Metrics", "Cpu", "Timestamp:datetime, Value:real",
                        row(t("10:01:00"), 1.0 * p), row(t("10:07:00"), 2.0 * p), row(t("10:08:00"), 3.0 * p));
            } else {
                TestClusters.table(partition, "Metrics", "Memory", "Timestamp:datetime, Value:real", row(t("10:00:00"), 9.0));
            }
        }
        TestClusters.group(hub, "Metrics", "Metrics_Partitions",
                new EntityReference(endpoint(10001), "Metrics"), new EntityReference(endpoint(10002), "Metrics"));
        TestClusters.group(hub, "Metrics", "All_Partitions",
                new EntityReference(endpoint(10001), "Metrics"), new EntityReference(endpoint(10002), "Metrics"),
                new EntityReference(endpoint(10003), "Metrics"));
        TestClusters.group(hub, "Metrics", "With_Stopped",
                new EntityReference(endpoint(10001), "Metrics"), new EntityReference(STOPPED, "Metrics"));
    }

    private QueryResult run(String query) {
        return clusters.run("hub", "Metrics", query);
    }

    @Test
    void aStoredMemberWithoutAClusterIsADatabaseOfTheClusterThatRuns() {
        TestClusters.table(hub, "Metrics", "Cpu", "Timestamp:datetime, Value:real", row(t("10:00:00"), 7.0));
        TestClusters.group(hub, "Metrics", "Here_And_P1", new EntityReference(null, "Metrics"),
                new EntityReference(endpoint(10001), "Metrics"));

        QueryResult r = run("macro-expand Here_And_P1 as X ( X.Cpu | summarize Samples = count() ) | summarize sum(Samples)");

        assertThat(TestClusters.rows(r)).containsExactly(List.of(4L));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void storedGroupRunsTheBodyPerMemberAndUnionsTheResults() {
        QueryResult r = run("macro-expand Metrics_Partitions as X ( X.Cpu | summarize count() by bin(Timestamp, 5m) ) | sort by Timestamp asc, count_ asc");
        assertThat(TestClusters.columns(r)).containsExactly("Timestamp:datetime", "count_:long");
        assertThat(TestClusters.rows(r)).containsExactly(
                List.of(t("10:00:00"), 1L), List.of(t("10:00:00"), 1L), List.of(t("10:05:00"), 2L), List.of(t("10:05:00"), 2L));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void inlineAndLetGroupsAndTheEntityScopeNames() {
        String members = "cluster('" + endpoint(10001) + "').database('Metrics'), cluster('" + endpoint(10002) + "').database('Metrics')";
        assertThat(TestClusters.rows(run("macro-expand entity_group [" + members + "] as X ( X.Cpu | summarize s = sum(Value) | extend Db = X.$current_database, Ep = X.$current_cluster_endpoint ) | sort by s asc")))
                .containsExactly(List.of(6.0, "Metrics", endpoint(10001)), List.of(12.0, "Metrics", endpoint(10002)));
        assertThat(TestClusters.rows(run("let G = entity_group [" + members + "]; macro-expand G as X ( X.Cpu | count ) | summarize sum(Count)")))
                .containsExactly(List.of(6L));
    }

    @Test
    void aMemberWithoutTheTableFailsUnlessIsfuzzy() {
        assertThatThrownBy(() -> run("macro-expand All_Partitions as X ( X.Cpu | count )"))
                .isInstanceOf(KustoError.class)
                .satisfies(e -> assertThat(((KustoError) e).errorCode()).isEqualTo("SEM0100"))
                .hasMessageContaining(endpoint(10003)).hasMessageContaining("'Cpu'");
        QueryResult fuzzy = run("macro-expand isfuzzy=true All_Partitions as X ( X.Cpu | count ) | summarize sum(Count)");
        assertThat(TestClusters.rows(fuzzy)).containsExactly(List.of(6L));
        assertThat(fuzzy.warnings()).singleElement().asString().contains(endpoint(10003)).contains("Cpu");
        assertThatThrownBy(() -> run("macro-expand isfuzzy=true All_Partitions as X ( X.Disk )"))
                .isInstanceOf(KustoError.class).hasMessageContaining("no entity");
    }

    @Test
    void anUnreachableMemberFailsUnlessBestEffort() {
        assertThatThrownBy(() -> run("macro-expand With_Stopped as X ( X.Cpu | count )"))
                .isInstanceOf(KustoError.class)
                .satisfies(e -> assertThat(((KustoError) e).errorCode()).isEqualTo("SEM0056"))
                .hasMessageContaining(STOPPED).hasMessageContaining("unreachable");
        QueryResult best = run("macro-expand best_effort=true With_Stopped as X ( X.Cpu | count )");
        assertThat(TestClusters.rows(best)).containsExactly(List.of(3L));
        assertThat(best.warnings()).singleElement().asString().contains(STOPPED);
    }

    @Test
    void aFederatedFunctionAndAUserFunctionOnTheGroup() {
        TestClusters.function(hub, "Metrics", "Cpu", "{ macro-expand entity_group [cluster('" + endpoint(10001) + "').database('Metrics'), cluster('"
                + endpoint(10002) + "').database('Metrics')] as X ( X.Cpu ) }");
        TestClusters.function(hub, "Metrics", "PeakCpu", "{ macro-expand Metrics_Partitions as X ( X.Cpu | summarize Peak = max(Value) | extend Db = X.$current_cluster_endpoint ) }");
        assertThat(TestClusters.rows(run("Cpu | summarize count(), max(Value)"))).containsExactly(List.of(6L, 6.0));
        assertThat(TestClusters.rows(run("PeakCpu | sort by Peak asc"))).containsExactly(List.of(3.0, endpoint(10001)), List.of(6.0, endpoint(10002)));
    }

    @Test
    void outerUnionOfDifferentSchemas() {
        QueryResult r = run("macro-expand All_Partitions as X ( union isfuzzy=true X.Cpu, X.Memory | summarize n = count() ) | summarize sum(n)");
        assertThat(TestClusters.rows(r)).containsExactly(List.of(7L));
    }
}
