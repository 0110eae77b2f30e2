package dev.adxfed.operator.kusto;

import java.util.List;
import java.util.function.Consumer;

/** Counts round trips to one cluster, so a pass can report how many it made. */
public final class CountingKusto implements Kusto {

    private final Kusto target;
    private int roundTrips;

    public CountingKusto(Kusto target) {
        this.target = target;
    }

    public int roundTrips() {
        return roundTrips;
    }

    @Override
    public String endpoint() {
        return target.endpoint();
    }

    @Override
    public List<KustoRow> mgmt(Stage stage, String database, String command) {
        roundTrips++;
        return target.mgmt(stage, database, command);
    }

    @Override
    public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
        roundTrips++;
        target.query(stage, database, query, rows);
    }
}
