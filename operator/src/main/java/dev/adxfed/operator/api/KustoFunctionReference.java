package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A parameterless function on the hub, called as {@code Name()} in its database. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KustoFunctionReference {

    @Required
    @Pattern("^[a-zA-Z0-9_]+$")
    @JsonPropertyDescription("Hub database holding the function.")
    public String database;

    @Required
    @Pattern("^[a-zA-Z0-9_]+$")
    @JsonPropertyDescription("Name of the function; it takes no parameters.")
    public String name;
}
