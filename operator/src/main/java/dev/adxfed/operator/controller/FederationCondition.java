package dev.adxfed.operator.controller;

import dev.adxfed.operator.federation.FederationReport;

/**
 * The reason and message of a Federated cluster's condition after a pass. When several apply, the
 * one a person must act on first wins: a pass that read nothing, then no live partition, then
 * failures, else Complete.
 */
final class FederationCondition {

    private FederationCondition() {}

    static StatusDecision.Reasoned of(FederationReport report) {
        String counts = report.partitions() + " partitions, " + report.partitionsByDatabase().size() + " databases, "
                + report.entityGroupsInSync() + " entity groups and " + report.functionsInSync() + " functions in sync.";
        if (report.heartbeatsRead() && report.partitions() == 0) {
            return new StatusDecision.Reasoned(ConditionReason.NO_LIVE_PARTITIONS, "No partition has a heartbeat"
                    + " within the heartbeat TTL" + (report.malformed().isEmpty() ? ""
                    : " (" + report.malformed().size() + " malformed rows skipped)")
                    + "; entity groups and functions are left as they are.");
        }
        if (!report.succeeded()) {
            return new StatusDecision.Reasoned(ConditionReason.FEDERATION_FAILED, counts + " Failures: "
                    + StatusDecision.joined(report.failures()) + ". " + StatusLimits.summary(report.failureMessages()) + ".");
        }
        return new StatusDecision.Reasoned(ConditionReason.COMPLETE, counts);
    }
}
