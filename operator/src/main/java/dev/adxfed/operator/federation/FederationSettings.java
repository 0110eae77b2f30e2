package dev.adxfed.operator.federation;

import dev.adxfed.operator.api.FederationSpec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the hub names its entity groups, whether it drops stale ones, and how functions expand. */
public record FederationSettings(String entityGroupNamePattern, boolean cleanupStaleEntityGroups,
                                 boolean fuzzyFunctions) {

    public static final String DATABASE_PLACEHOLDER = "{database}";

    public FederationSettings {
        int at = entityGroupNamePattern.indexOf(DATABASE_PLACEHOLDER);
        if (at < 0 || at != entityGroupNamePattern.lastIndexOf(DATABASE_PLACEHOLDER)) {
            throw new IllegalArgumentException("entity group name pattern '" + entityGroupNamePattern
                    + "' must hold {database} exactly once");
        }
    }

    public static FederationSettings defaults() {
        return new FederationSettings(FederationSpec.DEFAULT_ENTITY_GROUP_NAME_PATTERN, true, false);
    }

    public static FederationSettings of(FederationSpec spec) {
        FederationSpec s = spec == null ? new FederationSpec() : spec;
        return new FederationSettings(s.effectiveEntityGroupNamePattern(), s.effectiveCleanupStaleEntityGroups(),
                s.effectiveFuzzyFunctions());
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
}
