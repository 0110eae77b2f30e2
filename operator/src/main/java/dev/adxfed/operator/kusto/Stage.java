package dev.adxfed.operator.kusto;

/**
 * A named step of a heartbeat or federation pass that talks to Kusto. Each has its own timeout, and
 * a failure is reported with the stage's name, so a reader of the status knows which step broke.
 */
public enum Stage {
    SCHEMA_DATABASES("schema.showDatabases"),
    SCHEMA_READ("schema.read"),
    HEARTBEAT_INGEST("heartbeat.ingest"),
    HEARTBEAT_LIMIT("heartbeat.readLimit"),
    HEARTBEAT_TARGET("heartbeat.showTarget"),
    HUB_DATABASES("hub.showDatabases"),
    DATABASE_CREATE("hub.createDatabase"),
    HEARTBEAT_TABLE("heartbeat.ensureTable"),
    HEARTBEAT_READ("heartbeat.read"),
    ENTITY_GROUPS_SHOW("entityGroups.show"),
    FUNCTIONS_SHOW("functions.show"),
    TABLES_SHOW("tables.show"),
    SCRIPT_EXECUTE("script.execute"),
    BLOCKED_CLUSTERS_READ("blockedClusters.read"),
    OWNERSHIP_READ("ownership.read"),
    OWNERSHIP_RECORD("ownership.record");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
