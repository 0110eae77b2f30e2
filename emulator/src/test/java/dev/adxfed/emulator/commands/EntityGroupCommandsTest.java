package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.SampleCluster;
import dev.adxfed.emulator.SdkSession.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityGroupCommandsTest {

    private static final String EAST = "cluster('http://127.0.0.1:9001').database('Metrics')";
    private static final String WEST = "cluster('http://127.0.0.1:9002').database('Metrics')";
    private static final String NORTH = "cluster('http://127.0.0.1:9003').database('Metrics')";

    @RegisterExtension
    static final SampleCluster CLUSTER = new SampleCluster();

    @Test
    void createAlterMergeAlterShowAndDrop() {
        Rows created = CLUSTER.kusto().mgmt("Metrics", ".create entity_group Metrics_Partitions (" + EAST + ", " + WEST + ")");
        assertThat(created.columns()).containsExactly("Name", "Entities");
        assertThat(created.rows()).containsExactly(List.of("Metrics_Partitions", "[\"" + EAST + "\",\"" + WEST + "\"]"));

        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create entity_group Metrics_Partitions (" + NORTH + ")"))
                .contains("Entity group 'Metrics_Partitions' already exists");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".create entity_group Metrics_Partitions ifnotexists (" + NORTH + ")").single("Entities"))
                .isEqualTo("[\"" + EAST + "\",\"" + WEST + "\"]");

        CLUSTER.kusto().mgmt("Metrics", ".alter-merge entity_group Metrics_Partitions (" + NORTH + ")");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show entity_group Metrics_Partitions").single("Entities"))
                .isEqualTo("[\"" + EAST + "\",\"" + WEST + "\",\"" + NORTH + "\"]");

        CLUSTER.kusto().mgmt("Metrics", ".alter entity_group Metrics_Partitions (" + WEST + ")");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show entity_groups").rows()).contains(List.of("Metrics_Partitions", "[\"" + WEST + "\"]"));

        Rows remaining = CLUSTER.kusto().mgmt("Metrics", ".drop entity_group Metrics_Partitions");
        assertThat(remaining.column("Name")).doesNotContain("Metrics_Partitions");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".drop entity_group Metrics_Partitions")).contains("Entity group 'Metrics_Partitions' was not found");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".show entity_group Metrics_Partitions")).contains("Entity group 'Metrics_Partitions' was not found");
    }

    @Test
    void duplicatesAreRejectedWithSem0614AndChangeNothing() {
        CLUSTER.kusto().mgmt("Metrics", ".create entity_group Dup (" + EAST + ")");

        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create entity_group Dup2 (" + EAST + ", " + EAST + ")"))
                .contains("SEM0614").contains(EAST);
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".alter-merge entity_group Dup (" + EAST + ")")).contains("SEM0614");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".alter entity_group Dup (" + WEST + ", cluster('HTTP://127.0.0.1:9002/').database('Metrics'))"))
                .contains("SEM0614");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create entity_group Dup3 (cluster('https://p1.kusto.windows.net:443')"
                + ".database('Metrics'), cluster('HTTPS://P1.Kusto.Windows.Net/').database('Metrics'))")).contains("SEM0614");

        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show entity_group Dup").single("Entities")).isEqualTo("[\"" + EAST + "\"]");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show entity_groups").column("Name")).doesNotContain("Dup2", "Dup3");
        CLUSTER.kusto().mgmt("Metrics", ".drop entity_group Dup");
    }

    @Test
    void anEmptyListIsASyntaxErrorAndAlteringAMissingGroupIsNotFound() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create entity_group Empty ()")).contains("SYN0002");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".alter entity_group Missing (" + EAST + ")")).contains("Entity group 'Missing' was not found");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".alter-merge entity_group Missing (" + EAST + ")")).contains("Entity group 'Missing' was not found");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show entity_groups").column("Name")).doesNotContain("Empty", "Missing");
    }

    @Test
    void groupsBelongToTheirDatabase() {
        CLUSTER.kusto().mgmt("Logs", ".create entity_group Logs_Partitions (cluster('http://127.0.0.1:9001').database('Logs'))");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show entity_groups").column("Name")).doesNotContain("Logs_Partitions");
        assertThat(CLUSTER.kusto().mgmt("Logs", ".show entity_groups").column("Name")).containsExactly("Logs_Partitions");
    }
}
