package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.time.Instant;
import java.util.List;

/**
 * What a pass read and decided, told as it goes, for tools that show more than the report (plan and
 * status): the pure decisions, so they need not read DDL text back. The operator passes {@link #NONE}.
 */
public interface PassObserver {

    PassObserver NONE = new PassObserver() {};

    /** The newest heartbeat of every partition read (over the TTL plus the hold time), and the pass's clock. */
    default void heartbeatsRead(List<PartitionHeartbeat> heartbeats, Instant now) {}

    /** Who is a member this pass, and the plan built from them; not told when no partition is live. */
    default void planned(Membership membership, FederationPlan plan) {}

    /** The groups of one hub database as {@code .show entity_groups} listed them, and what the diff made of them. */
    default void entityGroups(String hubDatabase, List<ExistingEntityGroup> existing, Changes changes) {}

    default void functions(String database, List<ExistingFunction> existing, Changes changes) {}

    /** A database the hub lacked was made (in a dry run: would be made) for the heartbeats or a partition's groups. */
    default void databaseCreated(String database) {}
}
