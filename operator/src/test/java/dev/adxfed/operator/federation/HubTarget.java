package dev.adxfed.operator.federation;

import dev.adxfed.operator.api.FederatedTarget;

/** The federatedTargets entry a partition names to heartbeat into a hub's {@code <database>.Heartbeat}. */
final class HubTarget {

    private HubTarget() {}

    /** With the default identity (no managedIdentityClientId), as the tests' http hubs take no token. */
    static FederatedTarget of(String endpoint, String heartbeatDatabase) {
        FederatedTarget target = new FederatedTarget();
        target.endpoint = endpoint;
        target.heartbeatDatabase = heartbeatDatabase;
        target.heartbeatTable = "Heartbeat";
        target.managedIdentityClientId = "";
        return target;
    }
}
