package dev.adxfed.emulator.catalog;

import java.util.Objects;

/** A member of an entity group: {@code cluster('c').database('d')}. */
public record EntityReference(String cluster, String database) {

    public EntityReference {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(database, "database");
    }

    /** The reference as KQL text, as {@code .show entity_groups} lists it. */
    public String text() {
        return "cluster(" + Names.stringLiteral(cluster) + ").database(" + Names.stringLiteral(database) + ")";
    }
}
