package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.AppliedProvisionState;

import java.util.List;

/** Where provisioning stands after a pass, as the status and the command line report it. */
public sealed interface ProvisionResult {

    /** What to record in status.appliedProvisionState (the previous state while nothing new was applied). */
    AppliedProvisionState applied();

    /** What was done in Azure this pass, step by step. */
    List<String> done();

    /** One line for a log or a terminal. */
    default String describe() {
        String steps = done().isEmpty() ? "nothing to do in Azure" : done().size() + " step(s) done: " + String.join("; ", done());
        if (this instanceof Ready ready) {
            return "ready at " + ready.endpoint() + "; " + steps;
        }
        if (this instanceof InProgress progress) {
            return (progress.creating() ? "creating: " : "waiting for Azure: ") + progress.message() + "; " + steps;
        }
        if (this instanceof Restricted restricted) {
            return "PermissionRestricted: " + restricted.message() + "; going on with "
                    + (restricted.endpoint() == null ? "no known endpoint" : restricted.endpoint());
        }
        return "failed: " + ((Failed) this).message() + (done().isEmpty() ? "" : "; " + steps);
    }

    /** The cluster is Running with every database: {@code endpoint} is its URI. */
    record Ready(String endpoint, AppliedProvisionState applied, List<String> done) implements ProvisionResult {}

    /**
     * Azure is still at work (the operator looks again on its next pass).
     *
     * @param creating true while the operator is making things, false while it waits for Azure to finish
     */
    record InProgress(boolean creating, String message, AppliedProvisionState applied, List<String> done)
            implements ProvisionResult {}

    /**
     * ARM answered 403: nothing more is changed in Azure, and federation goes on with the cluster as it is
     * when its endpoint is known ({@code endpoint} null when it is not).
     */
    record Restricted(String endpoint, String message, AppliedProvisionState applied, List<String> done)
            implements ProvisionResult {}

    /** ARM refused or failed otherwise: its code and message; the cluster's pass does not run. */
    record Failed(String message, AppliedProvisionState applied, List<String> done) implements ProvisionResult {}
}
