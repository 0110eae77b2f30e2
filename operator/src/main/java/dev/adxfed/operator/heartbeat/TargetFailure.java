package dev.adxfed.operator.heartbeat;

import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.kusto.KustoException;

/**
 * A federated target the heartbeat did not reach, with the stage that failed and why.
 *
 * @param hubNotSetUp the hub has no heartbeat database or table yet: not an outage, the hub's first
 *                    federation pass makes them
 */
public record TargetFailure(String endpoint, String stage, String message, boolean hubNotSetUp) {

    public TargetFailure(String endpoint, String stage, String message) {
        this(endpoint, stage, message, false);
    }

    /** The failure of sending to {@code target}, with the fix named when the hub is only not set up yet. */
    static TargetFailure of(FederatedTarget target, KustoException e) {
        String message = e.getMessage();
        if (!names(message, target.heartbeatDatabase) && !names(message, target.heartbeatTable)) {
            return new TargetFailure(target.endpoint, e.stage().label(), message);
        }
        return notSetUp(target, e.stage().label());
    }

    static TargetFailure notSetUp(FederatedTarget target, String stage) {
        return new TargetFailure(target.endpoint, stage, "the hub has no heartbeat table " + target.heartbeatDatabase + "."
                + target.heartbeatTable + " yet (it is not set up): sync the hub first (adxfed sync -f HUB.yaml), or let"
                + " the operator's next pass on the hub make it", true);
    }

    /** Kusto's words for a database or table that does not exist, naming this one. */
    private static boolean names(String message, String entity) {
        return message != null && message.contains("'" + entity + "'") && message.contains("not found");
    }
}
