package dev.adxfed.operator.federation;

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
 * what is missing, alter what differs, leave equal objects alone, drop stale groups. With no live
 * partition nothing is touched, because missing information must never empty or drop a group.
 */
public final class FederationDiff {

    private FederationDiff() {}

    /** Entity-group commands for one hub database; every hub database holds every group. */
    public static Changes entityGroups(FederationPlan plan, List<ExistingEntityGroup> existing) {
        if (plan.topology().isEmpty()) {
            return Changes.NONE;
        }
        Map<String, ExistingEntityGroup> byName = existing.stream()
                .collect(Collectors.toMap(ExistingEntityGroup::name, Function.identity(), (a, b) -> a, TreeMap::new));
        List<Command> commands = new ArrayList<>();
        int inSync = 0;
        Set<String> desiredNames = new HashSet<>();
        for (EntityGroup group : plan.entityGroups()) {
            desiredNames.add(group.name());
            ExistingEntityGroup current = byName.get(group.name());
            if (current == null) {
                commands.add(group.createCommand());
            } else if (sameMembers(group.entities(), current.entities())) {
                inSync++;
            } else {
                commands.add(group.alterCommand());
            }
        }
        if (plan.settings().cleanupStaleEntityGroups()) {
            for (String name : byName.keySet()) {
                Optional<String> database = plan.settings().databaseOf(name);
                if (!desiredNames.contains(name) && database.isPresent()
                        && !plan.topology().databases().contains(database.get())) {
                    commands.add(EntityGroup.dropCommand(name));
                }
            }
        }
        return new Changes(commands, inSync);
    }

    /** Function commands for one partition database on the hub: only those whose text differs. */
    public static Changes functions(FederationPlan plan, String database, List<ExistingFunction> existing) {
        Map<String, ExistingFunction> byName = existing.stream()
                .collect(Collectors.toMap(ExistingFunction::name, Function.identity(), (a, b) -> a));
        List<Command> commands = new ArrayList<>();
        int inSync = 0;
        for (FederatedFunction function : plan.functions(database)) {
            ExistingFunction current = byName.get(function.name());
            if (current != null && "()".equals(current.parameters().strip())
                    && function.body().equals(current.body().strip())) {
                inSync++;
            } else {
                commands.add(function.createOrAlterCommand());
            }
        }
        return new Changes(commands, inSync);
    }

    private static boolean sameMembers(List<String> desired, List<String> current) {
        Set<EntityReference> want = references(desired);
        Set<EntityReference> have = references(current);
        return want != null && want.equals(have) && current.size() == have.size();
    }

    /** Null when a reference cannot be read: then the group is rewritten rather than trusted. */
    private static Set<EntityReference> references(List<String> entities) {
        Set<EntityReference> refs = new HashSet<>();
        for (String entity : entities) {
            Optional<EntityReference> ref = EntityReference.parse(entity);
            if (ref.isEmpty()) {
                return null;
            }
            refs.add(ref.get());
        }
        return refs;
    }
}
