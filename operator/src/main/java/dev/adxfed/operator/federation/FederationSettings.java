package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;
import dev.adxfed.operator.api.BlockedClusters;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.heartbeat.HeartbeatReading;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the hub names its entity groups and marks its functions, what it cleans up, which partitions
 * may be members, and how many may leave at once.
 *
 * @param blockedEndpoints     normalized partition endpoints that are never members
 * @param blockedFunction      a hub function listing more endpoints to block, if any
 * @param partitionSelector    which partitions are members, by endpoint and metadata
 * @param maxDepartingFraction the share of members that may fall silent in one pass before removals are held
 * @param departureHoldTime    how long beyond the TTL a held departure waits before it is applied anyway
 * @param overEntityGroups     functions union their database's named group instead of listing members inline
 * @param skipUnreachable      functions answer without the partitions they cannot reach (best_effort), with
 *                             Kusto's partial-result warning, instead of failing
 */
public record FederationSettings(String entityGroupNamePattern, boolean cleanupStaleEntityGroups,
                                 boolean skipUnreachable, String functionFolder, boolean cleanupStaleFunctions,
                                 Set<String> blockedEndpoints, Optional<BlockedFunction> blockedFunction,
                                 PartitionSelector partitionSelector, double maxDepartingFraction,
                                 Duration departureHoldTime, boolean overEntityGroups) {

    public static final String DATABASE_PLACEHOLDER = "{database}";

    /** A parameterless hub function whose first string column lists endpoints to block. */
    public record BlockedFunction(String database, String name) {
        public String callQuery() {
            return KqlText.identifier(name) + "()";
        }
    }

    public FederationSettings {
        int at = entityGroupNamePattern.indexOf(DATABASE_PLACEHOLDER);
        if (at < 0 || at != entityGroupNamePattern.lastIndexOf(DATABASE_PLACEHOLDER)) {
            throw new IllegalArgumentException("entity group name pattern '" + entityGroupNamePattern
                    + "' must hold {database} exactly once");
        }
        blockedEndpoints = Set.copyOf(blockedEndpoints);
    }

    /** The defaults with another naming pattern, cleanup, and skipping of unreachable partitions or not. */
    public FederationSettings(String entityGroupNamePattern, boolean cleanupStaleEntityGroups, boolean skipUnreachable) {
        this(entityGroupNamePattern, cleanupStaleEntityGroups, skipUnreachable, FederationSpec.DEFAULT_FUNCTION_FOLDER,
                true, Set.of(), Optional.empty(), PartitionSelector.ALL, FederationSpec.DEFAULT_MAX_DEPARTING_FRACTION,
                new FederationSpec().departureHoldTime(), false);
    }

    /** These settings with functions over the named groups (true) or with inline members (false). */
    public FederationSettings withFunctionsOverEntityGroups(boolean overGroups) {
        return new FederationSettings(entityGroupNamePattern, cleanupStaleEntityGroups, skipUnreachable, functionFolder,
                cleanupStaleFunctions, blockedEndpoints, blockedFunction, partitionSelector, maxDepartingFraction,
                departureHoldTime, overGroups);
    }

    public static FederationSettings defaults() {
        return new FederationSettings(FederationSpec.DEFAULT_ENTITY_GROUP_NAME_PATTERN, true, true);
    }

    /** @throws IllegalArgumentException naming the field, when the spec is invalid (a bad CEL expression, ...) */
    public static FederationSettings of(FederationSpec spec) {
        FederationSpec s = spec == null ? new FederationSpec() : spec;
        BlockedClusters blocked = s.blockedClusters == null ? new BlockedClusters() : s.blockedClusters;
        Set<String> endpoints = new TreeSet<>();
        if (blocked.staticEndpoints != null) {
            for (String endpoint : blocked.staticEndpoints) {
                try {
                    endpoints.add(HeartbeatReading.endpoint(endpoint));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("spec.federation.blockedClusters.static: '" + endpoint + "': "
                            + e.getMessage());
                }
            }
        }
        Optional<BlockedFunction> function = Optional.ofNullable(blocked.kustoFunction)
                .map(f -> new BlockedFunction(required(f.database, "database"), required(f.name, "name")));
        return new FederationSettings(s.effectiveEntityGroupNamePattern(), s.effectiveCleanupStaleEntityGroups(),
                s.skipUnreachablePartitions(), s.effectiveFunctionFolder(), s.effectiveCleanupStaleFunctions(), endpoints,
                function, PartitionSelector.of(s.partitionSelector), s.effectiveMaxDepartingFraction(),
                s.departureHoldTime(), s.functionsOverEntityGroups());
    }

    public String groupName(String database) {
        return entityGroupNamePattern.replace(DATABASE_PLACEHOLDER, database);
    }

    /** The database a group name stands for, when the name follows the pattern. */
    public Optional<String> databaseOf(String groupName) {
        int at = entityGroupNamePattern.indexOf(DATABASE_PLACEHOLDER);
        Pattern shape = Pattern.compile(Pattern.quote(entityGroupNamePattern.substring(0, at)) + "(.+)"
                + Pattern.quote(entityGroupNamePattern.substring(at + DATABASE_PLACEHOLDER.length())));
        Matcher m = shape.matcher(groupName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("spec.federation.blockedClusters.kustoFunction." + field + " is empty");
        }
        return value;
    }
}
