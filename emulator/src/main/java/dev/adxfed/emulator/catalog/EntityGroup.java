package dev.adxfed.emulator.catalog;

import dev.adxfed.kql.syntax.EntityReference;

import java.util.List;
import java.util.Objects;

/** A named entity group: an ordered list of distinct database references that macro-expand runs over. */
public record EntityGroup(String name, List<EntityReference> entities) {

    public EntityGroup {
        Objects.requireNonNull(name, "name");
        entities = List.copyOf(entities);
    }
}
