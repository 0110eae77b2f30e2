package dev.adxfed.emulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterHostTest {

    @Test
    void clustersAddedFromSeveralThreadsAtOnceEachGetAPortAndAreFoundByName() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (ClusterHost host = new ClusterHost(EmulatorConfig.DEFAULT_HOST, null)) {
            host.start(new EmulatorConfig.ClusterConfig("configured", 0, List.of()));
            List<Callable<VirtualCluster>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "made" + i;
                starts.add(() -> host.startProvisioned(name));
            }
            List<VirtualCluster> made = new ArrayList<>();
            for (Future<VirtualCluster> started : threads.invokeAll(starts)) {
                made.add(started.get());
            }

            assertThat(host.clusters()).hasSize(9);
            assertThat(made).extracting(VirtualCluster::endpoint).doesNotHaveDuplicates()
                    .doesNotContain(host.cluster("configured").orElseThrow().endpoint());
            for (VirtualCluster cluster : made) {
                assertThat(host.directory().resolve(cluster.url()).orElseThrow().name()).isEqualTo(cluster.name());
            }
            assertThatThrownBy(() -> host.startProvisioned("MADE3")).hasMessageContaining("two clusters are named 'MADE3'");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStoppedHostStartsNoMoreClusters() {
        ClusterHost host = new ClusterHost(EmulatorConfig.DEFAULT_HOST, null);
        host.close();
        assertThatThrownBy(() -> host.startProvisioned("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
    }
}
