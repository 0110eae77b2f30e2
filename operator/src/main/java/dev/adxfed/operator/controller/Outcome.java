package dev.adxfed.operator.controller;

import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.heartbeat.HeartbeatReport;
import dev.adxfed.operator.provision.ProvisionResult;

/** What one reconcile of an ADXCluster came to; the status is decided from this alone. */
sealed interface Outcome {

    /** criteriaExpression is false for this operator's cluster: nothing is done or written. */
    record NotSelected() implements Outcome {}

    record CriteriaError(String message) implements Outcome {}

    /** The spec cannot be acted on (a missing or malformed field), named in the message. */
    record InvalidSpec(String message) implements Outcome {}

    /**
     * Provisioning in Azure ran and the role's pass did not: Azure is still at work, refused, or the cluster's
     * endpoint is not known.
     */
    record Provisioning(ProvisionResult result) implements Outcome {}

    /** Provisioning ran first, then the role's pass on the cluster it found or made. */
    record Provisioned(ProvisionResult result, Outcome pass) implements Outcome {}

    /** A bring-your-own partition with no federated targets: nothing to heartbeat, nothing wrong. */
    record NoTargets() implements Outcome {}

    record HeartbeatDone(HeartbeatReport report) implements Outcome {}

    record FederationDone(FederationReport report) implements Outcome {}

    /** The pass itself threw: a bug or an unexpected client error, shown rather than retried in a loop. */
    record PassFailed(String message) implements Outcome {}
}
