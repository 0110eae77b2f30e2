package dev.adxfed.operator.kusto;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** {@link Kusto} over the official Java SDK. */
final class SdkKusto implements Kusto {

    private final String endpoint;
    private final Client client;
    private final StageTimeouts timeouts;

    SdkKusto(String endpoint, Client client, StageTimeouts timeouts) {
        this.endpoint = endpoint;
        this.client = client;
        this.timeouts = timeouts;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public List<KustoRow> mgmt(Stage stage, String database, String command) {
        KustoResultSetTable table = call(stage, database, command, true);
        List<KustoRow> rows = new ArrayList<>();
        Map<String, Integer> columns = columns(table);
        while (table.next()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(table.getObject(i));
            }
            rows.add(new Row(columns, firstString(table), values::get));
        }
        return rows;
    }

    @Override
    public void query(Stage stage, String database, String query, Consumer<KustoRow> rows) {
        KustoResultSetTable table = call(stage, database, query, false);
        Map<String, Integer> columns = columns(table);
        KustoRow current = new Row(columns, firstString(table), table::getObject);
        while (table.next()) {
            rows.accept(current);
        }
    }

    private KustoResultSetTable call(Stage stage, String database, String text, boolean management) {
        Duration timeout = timeouts.of(stage);
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setClientRequestId("adxfed;" + stage.label() + ";" + java.util.UUID.randomUUID());
        try {
            Mono<KustoOperationResult> call = management
                    ? client.executeMgmtAsync(database, text, properties)
                    : client.executeQueryAsync(database, text, properties);
            KustoOperationResult result = call.timeout(timeout).block();
            if (result == null) {
                throw new KustoException(stage, endpoint, database, "no result", null);
            }
            return result.getPrimaryResults();
        } catch (KustoException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            throw new KustoException(stage, endpoint, database, reason(cause, timeout), cause);
        }
    }

    private static String reason(Throwable cause, Duration timeout) {
        if (cause instanceof TimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof KustoDataExceptionBase && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static Optional<String> firstString(KustoResultSetTable table) {
        return Arrays.stream(table.getColumns()).filter(c -> "string".equalsIgnoreCase(c.getColumnType()))
                .map(KustoResultColumn::getColumnName).findFirst();
    }

    /** A row read by column name through the ordinals of its table. */
    private record Row(Map<String, Integer> columns, Optional<String> firstStringColumn, IntFunction<Object> value)
            implements KustoRow {
        @Override
        public Object get(String column) {
            Integer at = columns.get(column);
            return at == null ? null : value.apply(at);
        }
    }

    private static Map<String, Integer> columns(KustoResultSetTable table) {
        Map<String, Integer> columns = new HashMap<>();
        for (KustoResultColumn column : table.getColumns()) {
            columns.put(column.getColumnName(), column.getOrdinal());
        }
        return columns;
    }
}
