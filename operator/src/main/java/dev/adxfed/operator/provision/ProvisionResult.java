package dev.adxfed.operator.provision;

import dev.adxfed.operator.api.AppliedProvisionState;

import java.util.List;

/** Where provisioning stands after a pass, as the status and the command line report it. */
public sealed interface ProvisionResult {

    /** What to record in status.appliedProvisionState (the previous state while nothing new was applied). */
    AppliedProvisionState applied();

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
