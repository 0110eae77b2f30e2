package dev.adxfed.operator.controller;

import dev.adxfed.operator.provision.ProvisionResult;

import java.util.List;

/**
 * The condition's reason and message where provisioning has a say: where it stands when it stopped
 * the pass (creating, waiting for Azure, failed, restricted), and what it adds to the pass's own.
 */
final class ProvisionCondition {

    private ProvisionCondition() {}

    /** Provisioning did not let the role's pass run. */
    static StatusDecision.Reasoned stopped(ProvisionResult result, String clusterName) {
        if (result instanceof ProvisionResult.InProgress progress) {
            return new StatusDecision.Reasoned(progress.creating() ? ConditionReason.CREATING : ConditionReason.WAITING,
                    capitalized(progress.message()) + "; the operator looks again on its next pass." + done(result));
        }
        if (result instanceof ProvisionResult.Restricted restricted) {
            return new StatusDecision.Reasoned(ConditionReason.PERMISSION_RESTRICTED, capitalized(restricted.message())
                    + ". The endpoint of cluster " + clusterName + " is not known: set spec.endpoint to federate it as it is.");
        }
        if (result instanceof ProvisionResult.Failed failed) {
            return new StatusDecision.Reasoned(ConditionReason.PROVISIONING_FAILED, "Provisioning cluster " + clusterName
                    + " failed: " + failed.message() + "." + done(result));
        }
        throw new IllegalArgumentException("provisioning that lets the pass run does not stop it: " + result);
    }

    /** Provisioning let the pass run: a restriction is said first while the pass went well; readiness is said too. */
    static StatusDecision.Reasoned beforePass(ProvisionResult result, String clusterName, StatusDecision.Reasoned pass) {
        if (result instanceof ProvisionResult.Restricted restricted) {
            if (pass.reason() != ConditionReason.COMPLETE) {
                return new StatusDecision.Reasoned(pass.reason(), pass.message() + " " + capitalized(restricted.message()) + ".");
            }
            return new StatusDecision.Reasoned(ConditionReason.PERMISSION_RESTRICTED, capitalized(restricted.message())
                    + "; federation goes on with the cluster as it is. " + pass.message());
        }
        if (result instanceof ProvisionResult.Ready ready) {
            return new StatusDecision.Reasoned(pass.reason(), "Cluster " + clusterName + " is Running in Azure at "
                    + ready.endpoint() + (ready.done().isEmpty() ? "" : " (this pass: " + String.join("; ", ready.done()) + ")")
                    + ". " + pass.message());
        }
        throw new IllegalArgumentException("provisioning that stops the pass does not let it run: " + result);
    }

    private static String done(ProvisionResult result) {
        List<String> done = result instanceof ProvisionResult.InProgress p ? p.done()
                : result instanceof ProvisionResult.Failed f ? f.done() : List.of();
        return done.isEmpty() ? "" : " Done this pass: " + StatusLimits.summary(done) + ".";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
