package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Partition side: where to heartbeat. Federated side: where heartbeats land and how to federate them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FederationSpec {

    public static final String DEFAULT_HEARTBEAT_TTL = "1h";
    public static final String DEFAULT_ENTITY_GROUP_NAME_PATTERN = "{database}_Partitions";
    static final String TTL_PATTERN = "^(\\d+h)?(\\d+m)?(\\d+s)?$";

    @JsonPropertyDescription("Partition role: the federated clusters this cluster heartbeats into.")
    public List<FederatedTarget> federatedTargets;

    @JsonPropertyDescription("Partition role: free-form partition metadata (geo, location, tenant, ...),"
            + " sent with every heartbeat as PartitionMetadata.")
    public Map<String, String> partitioning;

    @Pattern("^[a-zA-Z0-9_]+$")
    @JsonPropertyDescription("Federated role: database holding the heartbeat table.")
    public String heartbeatDatabase;

    @Pattern("^[a-zA-Z0-9_]+$")
    @JsonPropertyDescription("Federated role: the heartbeat table, created when missing.")
    public String heartbeatTable;

    @Default(DEFAULT_HEARTBEAT_TTL)
    @Pattern(TTL_PATTERN)
    @JsonPropertyDescription("Federated role: how long a partition counts as live after its newest heartbeat,"
            + " as hours, minutes and seconds, e.g. 1h, 90m, 1h30m. Default 1h.")
    public String heartbeatTTL;

    // The generator reads defaults as YAML, where a bare {...} is a map: quote it.
    @Default("'" + DEFAULT_ENTITY_GROUP_NAME_PATTERN + "'")
    @Pattern("^[a-zA-Z0-9_]*\\{database\\}[a-zA-Z0-9_]*$")
    @JsonPropertyDescription("Federated role (new in adxfed): name of the entity group kept per database;"
            + " {database} stands for the database name. Letters, digits and underscores around exactly one"
            + " {database}. Default {database}_Partitions.")
    public String entityGroupNamePattern;

    @Default("true")
    @JsonPropertyDescription("Federated role (new in adxfed): drop entity groups that match"
            + " entityGroupNamePattern when no live partition has their database any more, in every hub"
            + " database. Never happens while no fresh heartbeat is read. Default true.")
    public Boolean cleanupStaleEntityGroups;

    @Default("false")
    @JsonPropertyDescription("Federated role (new in adxfed): generated functions use macro-expand"
            + " isfuzzy=true best_effort=true, so a query skips (with a warning) partitions that lack the"
            + " table or cannot be reached instead of failing. Default false.")
    public Boolean fuzzyFunctions;

    /** The heartbeat TTL as a duration; the CRD default when unset or empty. */
    public Duration heartbeatTtl() {
        String text = heartbeatTTL == null || heartbeatTTL.isEmpty() ? DEFAULT_HEARTBEAT_TTL : heartbeatTTL;
        Matcher m = java.util.regex.Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("spec.federation.heartbeatTTL: '" + text
                    + "' is not hours, minutes and seconds like 1h30m");
        }
        Duration ttl = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)))
                .plusSeconds(number(m.group(3)));
        if (ttl.isZero()) {
            throw new IllegalArgumentException("spec.federation.heartbeatTTL: '" + text + "' is zero");
        }
        return ttl;
    }

    public String effectiveEntityGroupNamePattern() {
        return entityGroupNamePattern == null || entityGroupNamePattern.isEmpty()
                ? DEFAULT_ENTITY_GROUP_NAME_PATTERN : entityGroupNamePattern;
    }

    public boolean effectiveCleanupStaleEntityGroups() {
        return cleanupStaleEntityGroups == null || cleanupStaleEntityGroups;
    }

    public boolean effectiveFuzzyFunctions() {
        return fuzzyFunctions != null && fuzzyFunctions;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
