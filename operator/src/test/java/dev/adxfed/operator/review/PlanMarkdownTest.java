package dev.adxfed.operator.review;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a plan a single emulator pass rarely shows together: held departures, a database the
 * hub refused, a read that failed, and a group that loses members while an in-sync one is left out.
 */
class PlanMarkdownTest {

    private static final String A = "cluster('https://a.example.net').database('Metrics')";
    private static final String B = "cluster('https://b.example.net').database('Metrics')";
    private static final String C = "cluster('https://c.example.net').database('Metrics')";

    @Test
    void heldDeparturesMissingDatabasesAndFailedReadsFollowTheDatabases() {
        HubReview hub = new HubReview("hub", "https://hub.example.net", "1h", "2026-12-01T10:00:00Z", true, List.of(),
                List.of(new DatabaseReview("Metrics",
                        List.of(new GroupReview("Logs_Partitions", ObjectState.IN_SYNC, List.of(A), List.of(A)),
                                new GroupReview("Metrics_Partitions", ObjectState.DRIFTED, List.of(A, B, C), List.of(A)),
                                new GroupReview("Audit_Partitions", ObjectState.STALE, List.of(B), List.of())),
                        List.of(new FunctionReview("Cpu", ObjectState.DRIFTED, List.of(A)),
                                new FunctionReview("Disk", ObjectState.IN_SYNC, List.of(A))))),
                List.of("https://b.example.net", "https://c.example.net"), "2 of 3 member partitions fell silent",
                List.of("Sales"), 1, List.of("functions of Logs left as they are: timed out"), null, false, List.of());

        assertThat(PlanMarkdown.of(List.of(hub))).isEqualTo("""
                ## adxfed plan: `hub` (https://hub.example.net)

                0 live partition(s) within the heartbeat TTL 1h; a sync would send 1 request(s).

                ERROR: the hub could not be read in full; what follows may be incomplete

                ### Database `Metrics`

                | Entity group | Change | Members added | Members removed |
                |---|---|---|---|
                | `Metrics_Partitions` | **alter** |  | `%2$s`<br>`%3$s` |
                | `Audit_Partitions` | **drop** |  | `%2$s` |

                | Function | Change | Partitions |
                |---|---|---|
                | `Cpu()` | **alter** | 1 |

                ### Held departures

                2 of 3 member partitions fell silent:

                - `https://b.example.net`
                - `https://c.example.net`

                ### Databases missing on the hub

                The hub refused to create them; their groups and functions are skipped: `Sales`

                ### Reads that failed (the plan may be incomplete)

                - functions of Logs left as they are: timed out

                """.formatted(A, B, C));
    }

    @Test
    void membersAddedAndRemovedAreTheDifferenceOfBeforeAndAfter() {
        GroupReview group = new GroupReview("Metrics_Partitions", ObjectState.DRIFTED, List.of(A, B), List.of(B, C));

        assertThat(group.membersAdded()).containsExactly(C);
        assertThat(group.membersRemoved()).containsExactly(A);
    }
}
