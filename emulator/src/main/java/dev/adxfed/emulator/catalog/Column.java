package dev.adxfed.emulator.catalog;

import java.util.Objects;

/** A named, typed column of a table or of a result. */
public record Column(String name, ScalarType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
