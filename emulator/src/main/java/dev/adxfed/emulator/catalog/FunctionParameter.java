package dev.adxfed.emulator.catalog;

import dev.adxfed.kql.KqlText;

import java.util.Objects;
import java.util.Optional;

/**
 * A parameter of a stored function. {@code type} is the type as written: a scalar type name such as
 * {@code long}, or a tabular schema such as {@code (*)} or {@code (x:long)}. {@code defaultValue}
 * is the KQL literal of the default, or null when the parameter has none.
 */
public record FunctionParameter(String name, String type, String defaultValue) {

    public FunctionParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The scalar type, or empty for a tabular parameter. */
    public Optional<ScalarType> scalarType() {
        return type.startsWith("(") ? Optional.empty() : ScalarType.fromKqlName(type);
    }

    /** As {@code .show functions} writes it: {@code x:long=0}. */
    public String text() {
        return KqlText.identifier(name) + ":" + type + (defaultValue == null ? "" : "=" + defaultValue);
    }
}
