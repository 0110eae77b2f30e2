package dev.adxfed.operator.federation;

/**
 * Something on the hub, or in a heartbeat, that stands where the operator would write: a user's object
 * with the name of one of the operator's, a table a function would hide, or a partition that would
 * federate the hub into itself. Left as it is, and reported, so a person can rename it or let the
 * operator have it.
 *
 * @param database the hub database concerned (empty for a partition of the hub's own endpoint)
 * @param name     the object's name, or the partition's endpoint for the two kinds about partitions
 */
public record Conflict(String database, Kind kind, String name) {

    public enum Kind {
        FUNCTION("function", "the user's, not the operator's; left as it is: rename or drop it to let the operator"
                + " make its own, or move it into the operator's functionFolder to hand it over"),
        ENTITY_GROUP("entityGroup", "the user's, not the operator's; left as it is: rename or drop it to let the"
                + " operator make its own"),
        TABLE("table", "a table of the function's name, which the function would hide; no function is made: query"
                + " the partitions through the database's entity group, or drop the table if it is a leftover"),
        HEARTBEAT_DATABASE("heartbeatDatabase", "a partition database named like the hub's heartbeat database;"
                + " not federated, so nothing of it is made there: usually a hub's file given role Partition, so fix"
                + " that file, or rename the partition's database"),
        HUB_ENDPOINT("hubEndpoint", "a partition heartbeating with the hub's own endpoint; not federated into itself:"
                + " remove the hub from that partition's federatedTargets");

        private final String label;
        private final String why;

        Kind(String label, String why) {
            this.label = label;
            this.why = why;
        }

        public String label() {
            return label;
        }
    }

    /** What the operator did about it and why, for a person. */
    public String why() {
        return kind.why;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HEARTBEAT_DATABASE -> kind.label() + " " + database + " of " + name;
            case HUB_ENDPOINT -> kind.label() + " " + name;
            default -> kind.label() + " " + database + "." + name;
        };
    }
}
