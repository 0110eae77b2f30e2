package dev.adxfed.operator.heartbeat;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartbeatPagesTest {

    static final HeartbeatPages BOUND = new HeartbeatPages(100, 1000);

    @Test
    void aSmallFleetIsReadInOnePage() {
        assertThat(BOUND.pages(0, 0)).isOne();
        assertThat(BOUND.pages(50, 500)).isOne();
    }

    @Test
    void eachPageIsSizedForHalfOfItsBoundInRowsAndInBytes() {
        assertThat(BOUND.pages(51, 10)).isEqualTo(2);
        assertThat(BOUND.pages(10, 501)).isEqualTo(2);
        assertThat(BOUND.pages(10, 5000)).isEqualTo(10);
        assertThat(BOUND.pages(1000, 5000)).isEqualTo(20);
    }

    @Test
    void theDefaultBoundKeepsIssueNinesFleetWellUnderKustosLimits() {
        // 1000 partitions of 5 databases of 200 table names: about 20 MB of names.
        int pages = HeartbeatPages.DEFAULT.pages(1000, 20_000_000);
        assertThat(pages).isEqualTo(3);
        assertThat(20_000_000L / pages).isLessThan(16L * 1024 * 1024 / 2);
    }

    @Test
    void pageQueriesSplitByTheEndpointsHashAndOnePageNeedsNoHash() {
        HeartbeatTable table = new HeartbeatTable("FederationHeartbeats", "Heartbeat");
        assertThat(table.pageQuery(Duration.ofHours(1), 1, 0)).doesNotContain("hash(").doesNotContain("tableSchemas")
                .contains("bag_pack(\"database\", Db[\"database\"], \"tables\", Db[\"tables\"], \"views\", Db[\"views\"])");
        assertThat(table.pageQuery(Duration.ofHours(1), 3, 2)).contains("| where hash(ClusterEndpoint, 3) == 2 |");
        assertThatThrownBy(() -> table.pageQuery(Duration.ofHours(1), 3, 3)).hasMessage("page 3 of 3");
    }

    @Test
    void aBoundTooSmallToPageIsRefused() {
        assertThatThrownBy(() -> new HeartbeatPages(1, 1000)).hasMessageContaining("at least 2 rows");
    }
}
