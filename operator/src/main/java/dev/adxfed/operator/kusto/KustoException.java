package dev.adxfed.operator.kusto;

/** A Kusto call that failed or timed out, named by its stage, endpoint and database. */
public final class KustoException extends RuntimeException {

    private final Stage stage;
    private final String endpoint;

    public KustoException(Stage stage, String endpoint, String database, String reason, Throwable cause) {
        super(stage.label() + " failed on " + endpoint + (database == null ? "" : " database " + database) + ": " + reason,
                cause);
        this.stage = stage;
        this.endpoint = endpoint;
    }

    public Stage stage() {
        return stage;
    }

    public String endpoint() {
        return endpoint;
    }
}
