package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One federated function in one hub database, with the partitions the plan has it union inline, or the
 * entity group it unions instead (then {@code members} is empty, as for a drop). Whether it drifted is the
 * diff's own verdict, whether it compared bodies or fingerprints.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionReview(String name, ObjectState state, List<String> members, String entityGroup) {

    public FunctionReview {
        members = List.copyOf(members);
    }

    public FunctionReview(String name, ObjectState state, List<String> members) {
        this(name, state, members, null);
    }

    /** Whom it unions, for a person: {@code 2 partition(s)}, or {@code group Metrics_Partitions}. */
    public String over() {
        return entityGroup != null ? "group " + entityGroup : members.size() + " partition(s)";
    }
}
