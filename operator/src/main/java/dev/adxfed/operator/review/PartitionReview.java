package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * A partition as the hub sees it: its newest heartbeat, how old it is, whether that is within the TTL,
 * what the pass makes of it, and the databases it reported.
 *
 * @param lastHeartbeat RFC 3339
 */
public record PartitionReview(String endpoint, String lastHeartbeat, long ageSeconds, boolean live, Role role,
                              List<PartitionDatabaseReview> databases) {

    public PartitionReview {
        databases = List.copyOf(databases);
    }

    /** A database of the partition, counted. */
    public record PartitionDatabaseReview(String name, int tables, int views) {}

    public enum Role {
        /** Live and in the hub's groups and functions. */
        MEMBER("member"),
        /** Silent beyond the TTL, but kept by the departure guard. */
        HELD("held"),
        /** Live, but blocked or not selected by partitionSelector. */
        LEFT_OUT("left out"),
        /** Silent beyond the TTL: no longer a member. */
        DEPARTED("departed");

        private final String words;

        Role(String words) {
            this.words = words;
        }

        @JsonValue
        public String words() {
            return words;
        }
    }
}
