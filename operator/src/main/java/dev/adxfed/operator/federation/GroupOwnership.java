package dev.adxfed.operator.federation;

import dev.adxfed.kql.ClusterEndpoint;
import dev.adxfed.kql.syntax.EntityReference;

import java.util.Optional;
import java.util.Set;

/**
 * Whether an existing entity group is the operator's: it is in the ownership record, or it follows
 * the naming pattern and every member is {@code cluster(p).database(its database)} for a partition
 * that has heartbeated (a group made by an earlier adxfed or by adx-mon's operator: adopted, and
 * recorded). A user's group with any other member is left alone.
 */
final class GroupOwnership {

    private GroupOwnership() {}

    static boolean recorded(Set<OwnershipRecord.Entry> record, String hubDatabase, String group) {
        return record.contains(new OwnershipRecord.Entry(hubDatabase, group));
    }

    /** @param knownEndpoints normalized endpoints of every partition read from the heartbeat table */
    static boolean adoptable(FederationSettings settings, ExistingEntityGroup group, Set<String> knownEndpoints) {
        Optional<String> database = settings.databaseOf(group.name());
        if (database.isEmpty() || group.entities().isEmpty()) {
            return false;
        }
        for (String entity : group.entities()) {
            Optional<EntityReference> ref = ClusterEndpoint.normalizedReference(entity);
            if (ref.isEmpty() || !ref.get().database().equals(database.get())
                    || !knownEndpoints.contains(ref.get().cluster())) {
                return false;
            }
        }
        return true;
    }

    /** The normalized endpoints a group lists, for the departure guard's count of current members. */
    static Set<String> members(ExistingEntityGroup group) {
        return group.entities().stream().map(ClusterEndpoint::normalizedReference).flatMap(Optional::stream)
                .map(EntityReference::cluster).collect(java.util.stream.Collectors.toSet());
    }
}
