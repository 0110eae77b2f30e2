package dev.adxfed.operator.federation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The desired state of the hub, planned from the topology with no I/O: one entity group per
 * partition database (kept in every hub database), and per partition database one function per
 * table and view. Functions are made when asked for and write their bodies only when asked to, so a
 * plan of the largest fleet holds no function text.
 */
public record FederationPlan(Topology topology, FederationSettings settings, List<EntityGroup> entityGroups) {

    public static FederationPlan of(Topology topology, FederationSettings settings) {
        List<EntityGroup> groups = new ArrayList<>();
        for (String database : topology.databases()) {
            groups.add(new EntityGroup(settings.groupName(database), topology.members(database).references()));
        }
        return new FederationPlan(topology, settings, List.copyOf(groups));
    }

    /** The functions of one partition database, sorted by name; none for a database no live partition has. */
    public List<FederatedFunction> functions(String database) {
        Topology.DatabaseMembers members = topology.members(database);
        if (members == null) {
            return List.of();
        }
        List<FederatedFunction> functions = new ArrayList<>(members.objects().size());
        members.objects().forEach((name, bits) -> functions.add(function(database, name, members, bits)));
        return functions;
    }

    private FederatedFunction function(String database, String name, Topology.DatabaseMembers members, BitSet bits) {
        return settings.overEntityGroups()
                ? FederatedFunction.overGroup(name, settings.groupName(database), settings.skipUnreachable())
                : FederatedFunction.inline(name, () -> members.references(bits), settings.skipUnreachable());
    }
}
