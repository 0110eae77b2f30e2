package dev.adxfed.operator.review;

import java.util.List;
import java.util.function.Predicate;

/** The operator's entity groups and functions in one hub database, sorted by name. */
public record DatabaseReview(String database, List<GroupReview> entityGroups, List<FunctionReview> functions) {

    public DatabaseReview {
        entityGroups = List.copyOf(entityGroups);
        functions = List.copyOf(functions);
    }

    /** Only the objects a sync would touch or that conflict: what a plan shows. */
    DatabaseReview changes() {
        Predicate<ObjectState> changed = s -> s != ObjectState.IN_SYNC;
        return new DatabaseReview(database, entityGroups.stream().filter(g -> changed.test(g.state())).toList(),
                functions.stream().filter(f -> changed.test(f.state())).toList());
    }

    boolean isEmpty() {
        return entityGroups.isEmpty() && functions.isEmpty();
    }
}
