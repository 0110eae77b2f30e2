package dev.adxfed.operator.heartbeat;

import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether each federated target has its heartbeat table, read without writing: what a dry run of a
 * partition's heartbeat checks, where a real one learns it from a failed ingestion.
 */
public final class HeartbeatTargets {

    private HeartbeatTargets() {}

    /** One failure per target that cannot take the heartbeat: not set up yet, or not readable. */
    public static List<TargetFailure> unready(KustoConnector kusto, List<FederatedTarget> targets) {
        List<TargetFailure> failures = new ArrayList<>();
        for (FederatedTarget target : targets) {
            HeartbeatTable table = new HeartbeatTable(target.heartbeatDatabase, target.heartbeatTable);
            try {
                boolean present = kusto.connect(target.endpoint, target.managedIdentityClientId)
                        .mgmt(Stage.HEARTBEAT_TARGET, table.database(), table.showTablesCommand()).stream()
                        .anyMatch(row -> table.table().equals(row.string("TableName")));
                if (!present) {
                    failures.add(TargetFailure.notSetUp(target, Stage.HEARTBEAT_TARGET.label()));
                }
            } catch (KustoException e) {
                failures.add(TargetFailure.of(target, e));
            }
        }
        return failures;
    }
}
