package dev.adxfed.operator.review;

import java.util.List;

/**
 * One federated function in one hub database, with the partitions the plan has it union (empty for a
 * drop). Whether it drifted is the diff's own verdict, whether it compared bodies or fingerprints.
 */
public record FunctionReview(String name, ObjectState state, List<String> members) {

    public FunctionReview {
        members = List.copyOf(members);
    }
}
