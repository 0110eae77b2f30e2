package dev.adxfed.operator.heartbeat;

/**
 * The steps a heartbeat degrades in when its Schema would not fit the hub's column (docs/operator.md,
 * "Heartbeats of any size").
 */
public enum HeartbeatShape {
    /** One row as adx-mon writes it: databases, tables, views and every table's columns. */
    WHOLE,
    /** One row without {@code tableSchemas}: the hub uses names only. */
    WITHOUT_TABLE_SCHEMAS,
    /** Several rows of the same Timestamp and heartbeat id, each a Schema of whole databases or table chunks. */
    SPLIT
}
