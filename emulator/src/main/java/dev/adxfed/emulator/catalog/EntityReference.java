package dev.adxfed.emulator.catalog;

import dev.adxfed.kql.KqlText;

import java.util.Objects;

/** A member of an entity group: {@code cluster('c').database('d')}, or {@code database('d')} when {@code cluster} is empty. */
public record EntityReference(String cluster, String database) {

    public EntityReference {
        cluster = cluster == null ? "" : cluster;
        Objects.requireNonNull(database, "database");
    }

    /** The reference as KQL text, as {@code .show entity_groups} lists it. */
    public String text() {
        return cluster.isEmpty() ? "database(" + KqlText.string(database) + ")" : KqlText.entity(cluster, database);
    }
}
