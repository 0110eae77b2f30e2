package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/** Partition endpoints that are never members of the hub's groups or functions (the shape of adx-mon PR #1005). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BlockedClusters {

    @JsonProperty("static")
    @JsonPropertyDescription("Partition endpoints to block, e.g. https://old.westeurope.kusto.windows.net;"
            + " compared without case and trailing slash.")
    public List<String> staticEndpoints;

    @JsonPropertyDescription("A function on the hub whose result's first string column lists endpoints to block."
            + " When it cannot be read, the pass changes nothing and says why.")
    public KustoFunctionReference kustoFunction;
}
