package dev.adxfed.operator.kusto;

import java.util.List;
import java.util.function.Consumer;

/** One Kusto cluster as the passes see it: management commands and queries, each within its stage's timeout. */
public interface Kusto {

    String endpoint();

    /** Runs a management command and returns its primary result. */
    List<KustoRow> mgmt(Stage stage, String database, String command);

    /** Runs a query and hands each row of its primary result to {@code rows} without keeping it. */
    void query(Stage stage, String database, String query, Consumer<KustoRow> rows);
}
