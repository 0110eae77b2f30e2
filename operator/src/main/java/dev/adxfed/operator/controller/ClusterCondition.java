package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXClusterStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The one condition the operator keeps, with adx-mon's type and reasons so existing tooling reads it. */
record ClusterCondition(String status, String reason, String message) {

    static final String CRITERIA_ERROR = "CriteriaExpressionError";
    static final String CRITERIA_FALSE = "CriteriaExpressionFalse";
    static final String PROVISIONING_DISABLED = "ProvisioningDisabled";
    static final String PROVISIONING_SKIPPED = "ProvisioningSkipped";

    /** Sets the condition; the transition time changes only when the status does. */
    void applyTo(ADXClusterStatus status, long generation, Instant now) {
        List<Condition> others = new ArrayList<>();
        Condition previous = null;
        for (Condition c : status.conditions == null ? List.<Condition>of() : status.conditions) {
            if (ADXClusterStatus.CONDITION_TYPE.equals(c.getType())) {
                previous = c;
            } else {
                others.add(c);
            }
        }
        String since = previous != null && status().equals(previous.getStatus())
                ? previous.getLastTransitionTime() : now.toString();
        others.add(new ConditionBuilder().withType(ADXClusterStatus.CONDITION_TYPE).withStatus(status())
                .withReason(reason()).withMessage(message()).withObservedGeneration(generation)
                .withLastTransitionTime(since).build());
        status.conditions = others;
    }
}
