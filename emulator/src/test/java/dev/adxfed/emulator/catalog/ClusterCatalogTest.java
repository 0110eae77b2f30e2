package dev.adxfed.emulator.catalog;

import dev.adxfed.emulator.KustoError;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterCatalogTest {

    private static final Table CPU = Table.empty("Cpu", List.of(new Column("Value", ScalarType.REAL)));

    @Test
    void aFailedUpdateChangesNothingAndTellsNoListener() {
        ClusterCatalog catalog = new ClusterCatalog();
        catalog.update(s -> s.with(Database.empty("Metrics", false).withTable(CPU)));
        List<CatalogChange> seen = new ArrayList<>();
        catalog.onChange(seen::add);
        CatalogSnapshot before = catalog.snapshot();

        assertThatThrownBy(() -> catalog.updateDatabase("Metrics", db -> {
            db.withoutTable("Cpu");
            throw KustoError.semantic("SEM0100", "nope");
        })).isInstanceOf(KustoError.class);

        assertThat(catalog.snapshot()).isSameAs(before);
        assertThat(seen).isEmpty();
    }

    @Test
    void listenersHearWhichDatabasesChangedOrWereDropped() {
        ClusterCatalog catalog = new ClusterCatalog();
        catalog.update(s -> s.with(Database.empty("A", true)).with(Database.empty("B", true)));
        List<CatalogChange> seen = new ArrayList<>();
        catalog.onChange(seen::add);

        catalog.updateDatabase("A", db -> db.withTable(CPU));
        catalog.update(s -> s.without("B"));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).written()).extracting(Database::name).containsExactly("A");
        assertThat(seen.get(0).dropped()).isEmpty();
        assertThat(seen.get(1).dropped()).containsExactly("B");
    }

    @Test
    void readersKeepTheirSnapshotWhileRowsAreAppended() {
        ClusterCatalog catalog = new ClusterCatalog();
        catalog.update(s -> s.with(Database.empty("Metrics", false).withTable(CPU)));
        CatalogSnapshot reader = catalog.snapshot();

        catalog.updateDatabase("Metrics", db -> db.withTable(db.table("Cpu").orElseThrow()
                .withRowsAppended(List.<Object[]>of(new Object[] {1.5}))));

        assertThat(reader.database("Metrics").orElseThrow().table("Cpu").orElseThrow().rows()).isEmpty();
        assertThat(catalog.database("Metrics").orElseThrow().table("Cpu").orElseThrow().rows()).hasSize(1);
    }

    @Test
    void concurrentAppendsAreNeitherLostNorTorn() throws Exception {
        ClusterCatalog catalog = new ClusterCatalog();
        catalog.update(s -> s.with(Database.empty("Metrics", false).withTable(CPU)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    catalog.updateDatabase("Metrics", db -> db.withTable(db.table("Cpu").orElseThrow()
                            .withRowsAppended(List.<Object[]>of(new Object[] {1.0}))));
                    List<Object[]> rows = catalog.snapshot().database("Metrics").orElseThrow().table("Cpu").orElseThrow().rows();
                    assertThat(rows.get(rows.size() - 1)).containsExactly(1.0);
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        assertThat(catalog.database("Metrics").orElseThrow().table("Cpu").orElseThrow().rows()).hasSize(800);
    }

    @Test
    void anUnknownDatabaseIsNamedInTheError() {
        assertThatThrownBy(() -> new ClusterCatalog().updateDatabase("Nope", db -> db))
                .hasMessage("Database 'Nope' was not found");
    }

    @Test
    void directoryResolvesEndpointsLooselyAndNamesCaseInsensitively() {
        ClusterDirectory directory = new ClusterDirectory();
        ClusterCatalog east = new ClusterCatalog();
        directory.register("eastus", URI.create("http://127.0.0.1:18080"), east);

        assertThat(directory.catalog("http://127.0.0.1:18080/")).containsSame(east);
        assertThat(directory.catalog("HTTP://LOCALHOST:18080")).containsSame(east);
        assertThat(directory.catalog("EastUS")).containsSame(east);
        assertThat(directory.catalog("http://127.0.0.1:18081")).isEmpty();
        assertThat(directory.catalog("http://bad host")).isEmpty();
    }
}
