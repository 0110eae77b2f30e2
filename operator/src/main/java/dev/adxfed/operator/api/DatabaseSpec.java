package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One database of the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseSpec {

    @Required
    @Pattern("^[a-zA-Z0-9_]+$")
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Database name: letters, digits and underscores, 1 to 64 characters.")
    public String databaseName;

    @Default("30")
    @JsonPropertyDescription("Days data is kept. Default 30.")
    public Integer retentionInDays;

    @JsonPropertyDescription("Kusto retention policy as JSON, when days alone are not enough.")
    public String retentionPolicy;

    @Required
    @JsonPropertyDescription("Metrics, Logs or Traces.")
    public TelemetryType telemetryType;
}
