package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A federated cluster a partition heartbeats into. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FederatedTarget {

    @Required
    @Pattern(Endpoints.PATTERN)
    @JsonPropertyDescription("URL of the federated cluster, e.g. https://hub.westeurope.kusto.windows.net.")
    public String endpoint;

    @Required
    @Pattern("^[a-zA-Z0-9_]+$")
    @JsonPropertyDescription("Database of the federated cluster holding the heartbeat table.")
    public String heartbeatDatabase;

    @Required
    @Pattern("^[a-zA-Z0-9_]+$")
    @JsonPropertyDescription("Heartbeat table in that database.")
    public String heartbeatTable;

    @JsonPropertyDescription("Client id of the user-assigned managed identity that writes the heartbeat."
            + " Optional: absent or empty uses the default Azure credential chain (workload identity,"
            + " environment, managed identity). Ignored for http endpoints (emulator, Kustainer), which take no token.")
    public String managedIdentityClientId;
}
