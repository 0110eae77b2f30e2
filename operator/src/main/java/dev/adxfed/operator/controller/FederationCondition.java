package dev.adxfed.operator.controller;

import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeldDepartures;

import java.util.List;

/**
 * The reason and message of a Federated cluster's condition after a pass. When several apply, the
 * one a person must act on first wins: a pass that read nothing, no live partition, a hub database
 * missing, other failures, held departures; else Complete. Conflicts never fail the pass (the
 * user's object is meant to stay) but every message names them.
 */
final class FederationCondition {

    private FederationCondition() {}

    /** @param resource the ADXCluster's name, for the command that releases held departures */
    static StatusDecision.Reasoned of(FederationReport report, String resource) {
        return of(report, resource, false);
    }

    /**
     * @param armCoordinates the hub has spec.provision, so its databases are made through Azure Resource Manager
     */
    static StatusDecision.Reasoned of(FederationReport report, String resource, boolean armCoordinates) {
        String counts = report.partitions() + " partitions, " + report.partitionsByDatabase().size() + " databases, "
                + report.entityGroupsInSync() + " entity groups and " + report.functionsInSync() + " functions in sync."
                + excluded(report) + conflicts(report);
        if (!report.heartbeatsRead()) {
            return failed(report, counts);
        }
        if (report.partitions() == 0) {
            return new StatusDecision.Reasoned(ConditionReason.NO_LIVE_PARTITIONS, "No live member partition: none has"
                    + " a usable heartbeat within the heartbeat TTL" + (report.malformed().isEmpty() ? ""
                    : " (" + report.malformed().size() + " malformed rows skipped)") + "." + excluded(report)
                    + " Entity groups and functions are left as they are.");
        }
        if (!report.hubDatabasesMissing().isEmpty()) {
            List<String> missing = report.hubDatabasesMissing();
            String them = missing.size() == 1 ? "it" : "them";
            String what = armCoordinates
                    ? " missing on the hub: Azure Resource Manager did not create " + them + " (the failures say why);"
                    + " the next pass tries again"
                    : " missing on the hub, which refuses .create database (ADX makes databases through Azure Resource"
                    + " Manager only): create " + them + " in Azure (portal, or az kusto database create --cluster-name "
                    + "<cluster> --resource-group <group> --database-name <name> --read-write-database"
                    + " soft-delete-period=P365D location=<region>), or give this ADXCluster spec.provision with the hub's"
                    + " subscriptionId, resourceGroup, location, skuName and tier so that the operator creates them"
                    + " through Azure Resource Manager";
            return new StatusDecision.Reasoned(ConditionReason.HUB_DATABASE_MISSING, (missing.size() == 1
                    ? "Database " + missing.get(0) + " is"
                    : missing.size() + " databases are (" + StatusLimits.summary(missing) + ")") + what
                    + "; until then " + (missing.size() == 1 ? "its" : "their")
                    + " entity groups and functions are skipped. " + counts + otherFailures(report));
        }
        if (!report.succeeded()) {
            return failed(report, counts);
        }
        HeldDepartures held = report.heldDepartures();
        if (!held.isEmpty()) {
            String why = held.reason().isBlank() ? held.endpoints().size() + " of " + held.members()
                    + " member partitions fell silent at once and stay members" : held.reason();
            return new StatusDecision.Reasoned(ConditionReason.DEPARTURES_HELD, "Departures held: "
                    + StatusLimits.summary(held.endpoints()) + ". " + StatusLimits.clip(why, StatusLimits.ITEM_CHARS)
                    + ". To remove them now: kubectl annotate adxcluster " + resource + " "
                    + ReleaseDepartures.ANNOTATION + "=true. " + counts);
        }
        return new StatusDecision.Reasoned(ConditionReason.COMPLETE, counts);
    }

    private static StatusDecision.Reasoned failed(FederationReport report, String counts) {
        return new StatusDecision.Reasoned(ConditionReason.FEDERATION_FAILED, counts + " Failures: "
                + StatusDecision.joined(report.failures()) + ". " + StatusLimits.summary(report.failureMessages()) + ".");
    }

    private static String otherFailures(FederationReport report) {
        return report.failures().isEmpty() ? "" : " Failures: " + StatusDecision.joined(report.failures()) + ". "
                + StatusLimits.summary(report.failureMessages()) + ".";
    }

    private static String excluded(FederationReport report) {
        int total = report.excluded().total();
        return total == 0 ? "" : " " + total + " fresh partitions are not members (blocked "
                + report.excluded().blocked() + ", not selected " + report.excluded().notSelected()
                + ", metadata missing " + report.excluded().metadataMissing() + ").";
    }

    private static String conflicts(FederationReport report) {
        return report.conflicts().isEmpty() ? ""
                : " Left alone, not the operator's: " + StatusLimits.summary(report.conflicts()) + ".";
    }
}
