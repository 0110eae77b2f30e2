package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Partition side: where to heartbeat. Federated side: where heartbeats land and how to federate them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FederationSpec {

    public static final String DEFAULT_HEARTBEAT_TTL = "1h";
    public static final String DEFAULT_ENTITY_GROUP_NAME_PATTERN = "{database}_Partitions";
    public static final String DEFAULT_FUNCTION_FOLDER = "adxfed";
    public static final String DEFAULT_FUNCTION_MEMBERS = "inline";
    public static final String DEFAULT_DEPARTURE_HOLD_TIME = "6h";
    public static final double DEFAULT_MAX_DEPARTING_FRACTION = 0.5;
    public static final String TTL_PATTERN = "^(\\d+h)?(\\d+m)?(\\d+s)?$";

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

    @Default("true")
    @JsonPropertyDescription("Federated role (new in adxfed): drop functions the operator owns whose table or view"
            + " is no longer on any selected live partition, in every database, also databases with no live"
            + " partition left. Never happens while no fresh heartbeat is read. Default true.")
    public Boolean cleanupStaleFunctions;

    @Default(DEFAULT_FUNCTION_FOLDER)
    @Pattern("^[a-zA-Z0-9_./ -]+$")
    @JsonPropertyDescription("Federated role (new in adxfed): folder of the functions the operator writes; it is how"
            + " the operator knows a function is its own. A same-named function in another folder is the user's"
            + " and is left alone (unless its body is the federated form of its name). Default adxfed.")
    public String functionFolder;

    @Default(DEFAULT_FUNCTION_MEMBERS)
    @Pattern("^(inline|entityGroup)$")
    @JsonPropertyDescription("Federated role (new in adxfed): how each generated function names its partitions."
            + " inline (default) lists exactly the partitions that have the table in the function, so a partition"
            + " joining or leaving rewrites every function of its database; entityGroup unions the database's"
            + " named entity group with macro-expand isfuzzy=true best_effort=true, so joining or leaving changes"
            + " one group per database and no function, and a partition without the table is skipped at query time."
            + " Switching alters the operator's functions to the new form.")
    public String functionMembers;

    @JsonPropertyDescription("Federated role: partition endpoints that are never members of any entity group or"
            + " function, listed here (static) and/or read from a function on the hub (kustoFunction).")
    public BlockedClusters blockedClusters;

    @JsonPropertyDescription("Federated role (new in adxfed): CEL expression over endpoint (string) and metadata"
            + " (map of string to string: the partition's PartitionMetadata); partitions for which it is false are"
            + " not members, e.g. metadata.region != 'westeurope'. A partition lacking a key the expression reads"
            + " is left out and counted.")
    public String partitionSelector;

    @Default("0.5")
    @Min(0)
    @Max(1)
    @JsonPropertyDescription("Federated role (new in adxfed): when more than this share of the current members fall"
            + " silent in one pass, their removal is held (condition DeparturesHeld) until the share falls to it,"
            + " departureHoldTime passes, or a person releases it. 1 turns the guard off. Default 0.5.")
    public Double maxDepartingFraction;

    @Default(DEFAULT_DEPARTURE_HOLD_TIME)
    @Pattern(TTL_PATTERN)
    @JsonPropertyDescription("Federated role (new in adxfed): how long held departures wait beyond heartbeatTTL"
            + " before they are applied anyway, as hours, minutes and seconds. Default 6h.")
    public String departureHoldTime;

    /** The heartbeat TTL as a duration; the CRD default when unset or empty. */
    public Duration heartbeatTtl() {
        return duration("heartbeatTTL", heartbeatTTL, DEFAULT_HEARTBEAT_TTL);
    }

    /** How long held departures wait beyond the TTL; the CRD default when unset or empty. */
    public Duration departureHoldTime() {
        return duration("departureHoldTime", departureHoldTime, DEFAULT_DEPARTURE_HOLD_TIME);
    }

    public double effectiveMaxDepartingFraction() {
        double fraction = maxDepartingFraction == null ? DEFAULT_MAX_DEPARTING_FRACTION : maxDepartingFraction;
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("spec.federation.maxDepartingFraction: " + fraction + " is not between 0 and 1");
        }
        return fraction;
    }

    public String effectiveFunctionFolder() {
        return functionFolder == null || functionFolder.isBlank() ? DEFAULT_FUNCTION_FOLDER : functionFolder;
    }

    public boolean effectiveCleanupStaleFunctions() {
        return cleanupStaleFunctions == null || cleanupStaleFunctions;
    }

    private static Duration duration(String field, String value, String fallback) {
        try {
            return DurationText.parse(value == null || value.isEmpty() ? fallback : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec.federation." + field + ": " + e.getMessage());
        }
    }

    public String effectiveEntityGroupNamePattern() {
        return entityGroupNamePattern == null || entityGroupNamePattern.isEmpty()
                ? DEFAULT_ENTITY_GROUP_NAME_PATTERN : entityGroupNamePattern;
    }

    public boolean effectiveCleanupStaleEntityGroups() {
        return cleanupStaleEntityGroups == null || cleanupStaleEntityGroups;
    }

    /** True for entityGroup; inline when unset or empty. */
    public boolean functionsOverEntityGroups() {
        String mode = functionMembers == null || functionMembers.isEmpty() ? DEFAULT_FUNCTION_MEMBERS : functionMembers;
        if (!mode.equals("inline") && !mode.equals("entityGroup")) {
            throw new IllegalArgumentException("spec.federation.functionMembers: '" + mode + "' is neither inline nor entityGroup");
        }
        return mode.equals("entityGroup");
    }

    public boolean effectiveFuzzyFunctions() {
        return fuzzyFunctions != null && fuzzyFunctions;
    }
}
