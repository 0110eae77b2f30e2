package dev.adxfed.operator.metrics;

import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.util.List;
import java.util.function.Consumer;

/** Times every Kusto call of the passes by stage, without the passes knowing about metrics. */
public final class TimedKustoConnector implements KustoConnector {

    private final KustoConnector target;
    private final OperatorMetrics metrics;

    public TimedKustoConnector(KustoConnector target, OperatorMetrics metrics) {
        this.target = target;
        this.metrics = metrics;
    }

    @Override
    public Kusto connect(String endpoint, String managedIdentityClientId) {
        Kusto cluster = target.connect(endpoint, managedIdentityClientId);
        return new Kusto() {
            @Override
            public String endpoint() {
                return cluster.endpoint();
            }

            @Override
            public List<KustoRow> mgmt(Stage stage, String database, String command) {
                long start = System.nanoTime();
                boolean succeeded = false;
                try {
                    List<KustoRow> rows = cluster.mgmt(stage, database, command);
                    succeeded = true;
                    return rows;
                } finally {
                    metrics.kustoCall(stage.label(), succeeded, System.nanoTime() - start);
                }
            }

            @Override
            public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
                long start = System.nanoTime();
                boolean succeeded = false;
                try {
                    cluster.query(stage, database, query, rows);
                    succeeded = true;
                } finally {
                    metrics.kustoCall(stage.label(), succeeded, System.nanoTime() - start);
                }
            }
        };
    }
}
