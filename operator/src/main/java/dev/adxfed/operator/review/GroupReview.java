package dev.adxfed.operator.review;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One entity group in one hub database: its members on the hub now and those the plan gives it (for a
 * conflict, the user's members and those the operator's group would have).
 */
public record GroupReview(String name, ObjectState state, List<String> membersBefore, List<String> membersAfter) {

    public GroupReview {
        membersBefore = List.copyOf(membersBefore);
        membersAfter = List.copyOf(membersAfter);
    }

    @JsonProperty
    public List<String> membersAdded() {
        return membersAfter.stream().filter(m -> !membersBefore.contains(m)).toList();
    }

    @JsonProperty
    public List<String> membersRemoved() {
        return membersBefore.stream().filter(m -> !membersAfter.contains(m)).toList();
    }
}
