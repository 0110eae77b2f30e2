package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.FunctionParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.adxfed.emulator.engine.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameResolutionTest {
    @AfterAll
    static void microsoftsParserAcceptsTheQueries() {
        TestClusters.assertMicrosoftParserAcceptsEveryText();
    }

    private final TestClusters clusters = new TestClusters();

    @BeforeEach
    void setUp() {
        ClusterCatalog hub = clusters.cluster("hub", 10001);
        ClusterCatalog p1 = clusters.cluster("p1", 10002);
        TestClusters.table(hub, "Db", "T", "a:long", row(1L), row(2L));
        TestClusters.table(hub, "Other", "T", "a:long", row(10L));
        TestClusters.table(p1, "Db", "T", "a:long", row(100L), row(200L), row(300L));
        TestClusters.table(hub, "Db", "Shadowed", "a:long", row(-1L));
        TestClusters.function(hub, "Db", "Shadowed", "{ print a = 42 }");
        TestClusters.function(hub, "Db", "Big", List.of(new FunctionParameter("min", "long", "2")), "{ T | where a >= min }");
        TestClusters.function(hub, "Db", "Twice", List.of(new FunctionParameter("x", "long", null)), "{ x * 2 }");
        TestClusters.function(hub, "Db", "Remote", "{ cluster('" + TestClusters.endpoint(10002) + "').database('Db').T | count }");
    }

    private List<List<Object>> rows(String query) {
        return TestClusters.rows(clusters.run("hub", "Db", query));
    }

    @Test
    void aStoredFunctionWinsOverATableOfTheSameName() {
        assertThat(rows("Shadowed")).containsExactly(List.of(42L));
        assertThat(rows("Shadowed()")).containsExactly(List.of(42L));
        assertThat(rows("table('T') | count")).containsExactly(List.of(2L));
    }

    @Test
    void functionsWithParametersAndDefaults() {
        assertThat(rows("Big(1) | count")).containsExactly(List.of(2L));
        assertThat(rows("Big() | count")).containsExactly(List.of(1L));
        assertThat(rows("Big")).containsExactly(List.of(2L));
    }

    @Test
    void aStoredScalarFunctionIsInlinedPerRow() {
        assertThat(rows("T | extend d = Twice(a) | project d")).containsExactly(List.of(2L), List.of(4L));
    }

    @Test
    void databaseAndClusterQualifiedNamesResolveInProcess() {
        assertThat(rows("database('Other').T")).containsExactly(List.of(10L));
        assertThat(rows("cluster('p1').database('Db').T | summarize sum(a)")).containsExactly(List.of(600L));
        assertThat(rows("cluster('" + TestClusters.endpoint(10002) + "/').database('Db').T | count")).containsExactly(List.of(3L));
        assertThat(rows("Remote")).containsExactly(List.of(3L));
    }

    @Test
    void letsBindTablesScalarsAndFunctions() {
        assertThat(rows("let threshold = 1; let Small = T | where a <= threshold; let f = (n:long) { T | where a > n }; Small | union (f(1)) | sort by a asc"))
                .containsExactly(List.of(1L), List.of(2L));
        assertThat(rows("T | as Kept | where a > 1 | join (Kept) on a | project a")).containsExactly(List.of(2L));
        assertThat(rows("T | where a in ((T | where a > 1 | project a)) | count")).containsExactly(List.of(1L));
        assertThat(rows("print x = toscalar(T | summarize max(a))")).containsExactly(List.of(2L));
    }

    @Test
    void unresolvedNamesAreSem0100AndUnknownFunctionsSem0260() {
        assertThatThrownBy(() -> rows("database('Other').Missing")).isInstanceOf(KustoError.class)
                .satisfies(e -> assertThat(((KustoError) e).errorCode()).isEqualTo("SEM0100")).hasMessageContaining("Missing");
        assertThatThrownBy(() -> rows("NoSuchFunction()")).isInstanceOf(KustoError.class)
                .satisfies(e -> assertThat(((KustoError) e).errorCode()).isEqualTo("SEM0260"));
        assertThatThrownBy(() -> rows("database('Nope').T")).isInstanceOf(KustoError.class).hasMessageContaining("Nope");
    }

    @Test
    void aClusterNotInThisProcessIsAskedOverHttpAndMayBeUnreachable() {
        assertThatThrownBy(() -> rows("cluster('http://127.0.0.1:1').database('Db').T"))
                .isInstanceOf(KustoError.class)
                .satisfies(e -> assertThat(((KustoError) e).errorCode()).isEqualTo("SEM0056"))
                .hasMessageContaining("http://127.0.0.1:1").hasMessageContaining("unreachable");
    }
}
