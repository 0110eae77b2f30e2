package dev.adxfed.operator.federation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The desired state of the hub, planned from the topology with no I/O: one entity group per
 * partition database (kept in every hub database), and per partition database one function per
 * table and view.
 */
public record FederationPlan(Topology topology, FederationSettings settings, List<EntityGroup> entityGroups,
                             SortedMap<String, List<FederatedFunction>> functionsByDatabase) {

    public static FederationPlan of(Topology topology, FederationSettings settings) {
        List<EntityGroup> groups = new ArrayList<>();
        SortedMap<String, List<FederatedFunction>> functions = new TreeMap<>();
        for (String database : topology.databases()) {
            groups.add(EntityGroup.of(settings.groupName(database), database, topology.endpoints(database)));
            List<FederatedFunction> inDatabase = new ArrayList<>();
            for (Map.Entry<String, SortedSet<String>> object : topology.objects(database).entrySet()) {
                inDatabase.add(FederatedFunction.of(object.getKey(), database, object.getValue(), settings.fuzzyFunctions()));
            }
            functions.put(database, List.copyOf(inDatabase));
        }
        return new FederationPlan(topology, settings, List.copyOf(groups), Collections.unmodifiableSortedMap(functions));
    }

    public List<FederatedFunction> functions(String database) {
        return functionsByDatabase.getOrDefault(database, List.of());
    }
}
