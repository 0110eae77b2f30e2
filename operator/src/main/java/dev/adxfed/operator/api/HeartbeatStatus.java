package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/** The outcome of a partition's last heartbeat pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HeartbeatStatus {

    @JsonPropertyDescription("When the last heartbeat reached at least one target (RFC 3339).")
    public String lastHeartbeatTime;

    @JsonPropertyDescription("When the schema was last read successfully (RFC 3339).")
    public String lastSchemaReadTime;

    @JsonPropertyDescription("Databases in the schema that was sent.")
    public Integer databases;

    @JsonPropertyDescription("Targets the last heartbeat reached (at most 50).")
    public List<String> targetsReached;

    @JsonPropertyDescription("Targets the last heartbeat failed to reach, each with its stage and error (at most 50).")
    public List<String> failures;
}
