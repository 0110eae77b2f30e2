package dev.adxfed.operator.federation;

import dev.adxfed.kql.ClusterEndpoint;
import dev.adxfed.kql.syntax.EntityReference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Desired state against what {@code .show entity_groups} and {@code .show functions} returned: create
 * what is missing, alter what differs and is the operator's, leave equal objects alone, drop the
 * operator's stale objects, and report a user's object where the operator's would stand. With no live
 * partition nothing is touched, because missing information must never empty or drop anything.
 */
public final class FederationDiff {

    private FederationDiff() {}

    /**
     * Entity-group commands for one hub database; every hub database holds every group.
     *
     * @param owned names of the existing groups in this hub database that the operator made or adopted
     */
    public static Changes entityGroups(FederationPlan plan, String hubDatabase, List<ExistingEntityGroup> existing,
                                       Set<String> owned) {
        if (plan.topology().isEmpty()) {
            return Changes.NONE;
        }
        Map<String, ExistingEntityGroup> byName = byName(existing, ExistingEntityGroup::name);
        List<Command> commands = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int inSync = 0;
        Set<String> desiredNames = new HashSet<>();
        for (EntityGroup group : plan.entityGroups()) {
            desiredNames.add(group.name());
            ExistingEntityGroup current = byName.get(group.name());
            if (current == null) {
                commands.add(group.createCommand());
            } else if (!owned.contains(group.name())) {
                conflicts.add(new Conflict(hubDatabase, Conflict.Kind.ENTITY_GROUP, group.name()));
            } else if (sameMembers(group.entities(), current.entities())) {
                inSync++;
            } else {
                commands.add(group.alterCommand());
            }
        }
        if (plan.settings().cleanupStaleEntityGroups()) {
            for (String name : byName.keySet()) {
                Optional<String> database = plan.settings().databaseOf(name);
                if (!desiredNames.contains(name) && owned.contains(name) && database.isPresent()
                        && !plan.topology().databases().contains(database.get())) {
                    commands.add(EntityGroup.dropCommand(name));
                }
            }
        }
        return new Changes(commands, inSync, conflicts);
    }

    /** Function commands for a hub database that has no table a function could hide. */
    public static Changes functions(FederationPlan plan, String database, List<ExistingFunction> existing) {
        return functions(plan, database, existing, HubTables.NONE);
    }

    /**
     * Function commands for one hub database: those whose body (compared by its fingerprint) or folder
     * differs, and drops of the operator's functions whose table or view no live member has any more (also
     * in a database no live member has). A function that would hide a table of the hub is not written and
     * is reported; one of the operator's that hides such a table is stale, so that the table shows again
     * (adx-mon's empty placeholders excepted: they stay behind their functions). Each command's text is
     * written when the returned list is read, one at a time, so the first pass of a large fleet never holds
     * all of its DDL.
     */
    public static Changes functions(FederationPlan plan, String database, List<ExistingFunction> existing,
                                    HubTables tables) {
        if (plan.topology().isEmpty()) {
            return Changes.NONE;
        }
        String folder = plan.settings().functionFolder();
        Map<String, ExistingFunction> byName = byName(existing, ExistingFunction::name);
        List<FederatedFunction> writes = new ArrayList<>();
        List<Command> drops = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int inSync = 0;
        Set<String> desiredNames = new HashSet<>();
        for (FederatedFunction function : plan.functions(database)) {
            if (tables.hides(function.name())) {
                conflicts.add(new Conflict(database, Conflict.Kind.TABLE, function.name()));
                continue;
            }
            desiredNames.add(function.name());
            ExistingFunction current = byName.get(function.name());
            if (current == null) {
                writes.add(function);
            } else if (!current.ownedBy(folder)) {
                conflicts.add(new Conflict(database, Conflict.Kind.FUNCTION, function.name()));
            } else if ("()".equals(current.parameters().strip()) && folder.equals(current.folder())
                    && function.bodyHash().equals(current.bodyHash())) {
                inSync++;
            } else {
                writes.add(function);
            }
        }
        if (plan.settings().cleanupStaleFunctions()) {
            // Outside the live partition databases only the folder counts: a federated-form function
            // there may be a person's hand-made union, not an earlier operator's.
            boolean partitionDatabase = plan.topology().databases().contains(database);
            for (ExistingFunction current : byName.values()) {
                if (!desiredNames.contains(current.name())
                        && (folder.equals(current.folder()) || partitionDatabase && current.ownedBy(folder))) {
                    drops.add(FederatedFunction.dropCommand(current.name()));
                }
            }
        }
        return new Changes(new PendingCommands(writes, folder, drops), inSync, conflicts);
    }

    /** Whether a group holds exactly these entities, compared by value. */
    static boolean sameMembers(List<String> desired, List<String> current) {
        Set<EntityReference> want = references(desired);
        Set<EntityReference> have = references(current);
        return want != null && want.equals(have) && current.size() == have.size();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** Null when a reference cannot be read: then the group is rewritten rather than trusted. */
    private static Set<EntityReference> references(List<String> entities) {
        Set<EntityReference> refs = new HashSet<>();
        for (String entity : entities) {
            Optional<EntityReference> ref = ClusterEndpoint.normalizedReference(entity);
            if (ref.isEmpty()) {
                return null;
            }
            refs.add(ref.get());
        }
        return refs;
    }
}
