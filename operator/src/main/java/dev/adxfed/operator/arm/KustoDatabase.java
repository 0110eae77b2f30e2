package dev.adxfed.operator.arm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Microsoft.Kusto database resource (kind ReadWrite), only the fields adxfed reads or sends. ARM names
 * a database {@code cluster/database}; {@link #database()} is the part Kusto knows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KustoDatabase(String name, String kind, String location, Properties properties) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(String softDeletePeriod, String hotCachePeriod, String provisioningState) {}

    /** A read-write database keeping data {@code retentionInDays} days. */
    public static KustoDatabase readWrite(String location, int retentionInDays) {
        return new KustoDatabase(null, "ReadWrite", location, new Properties("P" + retentionInDays + "D", null, null));
    }

    public String database() {
        return name == null ? null : name.substring(name.lastIndexOf('/') + 1);
    }
}
