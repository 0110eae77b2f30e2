package dev.adxfed.operator.review;

import dev.adxfed.operator.federation.Changes;
import dev.adxfed.operator.federation.Command;
import dev.adxfed.operator.federation.Conflict;
import dev.adxfed.operator.federation.ExistingEntityGroup;
import dev.adxfed.operator.federation.ExistingFunction;
import dev.adxfed.operator.federation.FederationSettings;
import dev.adxfed.operator.federation.HubTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what adx-mon's Go operator left on a hub among what a pass read, and says what the pass does
 * with each: its {@code {database}Spoke} groups (adopted only when entityGroupNamePattern names groups
 * that way), its functions {@code macro-expand isfuzzy=true best_effort=true {database}Spoke as X ( X.T )}
 * (the federated form of their name: adopted and rewritten to the settings' form), and its empty OTLP
 * placeholder tables (kept behind the functions).
 */
final class AdxMonObjects {

    static final String DROP_IN_PATTERN = "{database}Spoke";
    private static final Pattern GROUP = Pattern.compile(".+Spoke");
    private static final Pattern FUNCTION = Pattern.compile(
            "(?s)^\\{\\s*macro-expand\\s+isfuzzy=true\\s+best_effort=true\\s+\\S+Spoke\\s+as\\s+\\S+\\s*\\(.*\\)\\s*}$");

    private final List<AdxMonObject> found = new ArrayList<>();

    /** @param planned the names of the groups the plan keeps */
    void entityGroups(FederationSettings settings, Set<String> planned, String hubDatabase, List<ExistingEntityGroup> existing,
                      Changes changes) {
        Map<String, Command.Kind> commands = bySubject(changes);
        for (ExistingEntityGroup group : existing) {
            if (!GROUP.matcher(group.name()).matches()) {
                continue;
            }
            boolean named = settings.databaseOf(group.name()).isPresent();
            boolean conflict = changes.conflicts().stream()
                    .anyMatch(c -> c.kind() == Conflict.Kind.ENTITY_GROUP && c.name().equals(group.name()));
            Command.Kind command = commands.get(group.name());
            if (!named) {
                found.add(new AdxMonObject(hubDatabase, "entity group", group.name(), AdxMonObject.Fate.LEFT,
                        "its name does not follow entityGroupNamePattern " + settings.entityGroupNamePattern()
                                + ", so nothing maintains it now; entityGroupNamePattern: \"" + DROP_IN_PATTERN + "\" adopts it"));
            } else if (conflict) {
                found.add(new AdxMonObject(hubDatabase, "entity group", group.name(), AdxMonObject.Fate.LEFT,
                        "a member is not a partition that heartbeats here, so it counts as a user's group"));
            } else if (command == Command.Kind.ENTITY_GROUP_DROP) {
                found.add(new AdxMonObject(hubDatabase, "entity group", group.name(), AdxMonObject.Fate.ADOPTED,
                        "no live partition has its database: a sync drops it"));
            } else if (!planned.contains(group.name())) {
                found.add(new AdxMonObject(hubDatabase, "entity group", group.name(), AdxMonObject.Fate.LEFT,
                        "no live partition has its database"));
            } else {
                found.add(new AdxMonObject(hubDatabase, "entity group", group.name(), AdxMonObject.Fate.ADOPTED,
                        "follows entityGroupNamePattern: kept in step with the live partitions"
                                + (command == Command.Kind.ENTITY_GROUP_ALTER ? " (a sync alters its members)" : "")));
            }
        }
    }

    void functions(FederationSettings settings, String database, List<ExistingFunction> existing, HubTables tables,
                   Changes changes) {
        Map<String, Command.Kind> commands = bySubject(changes);
        for (ExistingFunction function : existing) {
            if (function.folder().equals(settings.functionFolder()) || !FUNCTION.matcher(function.body().strip()).matches()) {
                continue;
            }
            Command.Kind command = commands.get(function.name());
            if (command == Command.Kind.FUNCTION_CREATE_OR_ALTER) {
                found.add(new AdxMonObject(database, "function", function.name(), AdxMonObject.Fate.ADOPTED,
                        "the federated form of its name: a sync rewrites it " + form(settings)));
            } else if (command == Command.Kind.FUNCTION_DROP) {
                boolean hides = changes.conflicts().stream()
                        .anyMatch(c -> c.kind() == Conflict.Kind.TABLE && c.name().equals(function.name()));
                found.add(new AdxMonObject(database, "function", function.name(), AdxMonObject.Fate.ADOPTED, hides
                        ? "it hides a table of its name that is not adx-mon's empty placeholder: a sync drops it"
                        : "no live partition has its table: a sync drops it"));
            } else {
                found.add(new AdxMonObject(database, "function", function.name(), AdxMonObject.Fate.LEFT,
                        "no live partition has its table, and cleanupStaleFunctions is off or it is outside a partition database"));
            }
        }
        tables.placeholders().stream().sorted().forEach(table -> found.add(new AdxMonObject(database, "table", table,
                AdxMonObject.Fate.KEPT, "empty, with adx-mon's OTLP columns: stays behind the function of its name, as"
                + " adx-mon intended")));
    }

    /** What an adopted function becomes under these settings. */
    private static String form(FederationSettings settings) {
        return "into folder " + settings.functionFolder() + ", "
                + (settings.overEntityGroups() ? "over its database's group " + settings.groupName("{database}")
                : "listing its partitions inline (functionMembers: entityGroup keeps it over a named group)")
                + (settings.skipUnreachable() ? ", with isfuzzy=true best_effort=true as before"
                : ", strict (unreachablePartitions: fail): a query fails while a partition is unreachable");
    }

    List<AdxMonObject> found() {
        List<AdxMonObject> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> (a.database() + "\u0000" + a.kind() + "\u0000" + a.name())
                .compareTo(b.database() + "\u0000" + b.kind() + "\u0000" + b.name()));
        return sorted;
    }

    private static Map<String, Command.Kind> bySubject(Changes changes) {
        Map<String, Command.Kind> kinds = new HashMap<>();
        changes.commands().forEach(c -> kinds.put(c.subject(), c.kind()));
        return kinds;
    }
}
