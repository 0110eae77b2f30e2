package dev.adxfed.operator.kusto;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataWebException;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import com.microsoft.azure.kusto.data.exceptions.OneApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link Kusto} over the official Java SDK. Each call carries a ClientRequestId {@code adxfed;<stage>;<uuid>},
 * which Kusto records as the ClientActivityId of {@code .show commands-and-queries}; it is in the MDC
 * ({@value #CLIENT_REQUEST_ID}) of every log line written during the call and in the line of a failure. The
 * stage's timeout goes to the cluster too ({@code servertimeout}), so that a call the operator gave up on
 * does not keep running there and overlap the next pass.
 */
final class SdkKusto implements Kusto {

    static final String CLIENT_REQUEST_ID = "clientRequestId";

    private static final Logger LOG = LoggerFactory.getLogger(SdkKusto.class);

    private final String endpoint;
    private final KustoIdentity identity;
    private final Client client;
    private final StageTimeouts timeouts;

    SdkKusto(String endpoint, KustoIdentity identity, Client client, StageTimeouts timeouts) {
        this.endpoint = endpoint;
        this.identity = identity;
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
        String clientRequestId = "adxfed;" + stage.label() + ";" + UUID.randomUUID();
        properties.setClientRequestId(clientRequestId);
        properties.setTimeoutInMilliSec(timeout.toMillis());
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CLIENT_REQUEST_ID, clientRequestId)) {
            Mono<KustoOperationResult> call = management
                    ? client.executeMgmtAsync(database, text, properties)
                    : client.executeQueryAsync(database, text, properties);
            KustoOperationResult result = call.timeout(timeout).block();
            if (result == null) {
                throw new KustoException(stage, endpoint, database, "no result", null);
            }
            return result.getPrimaryResults();
        } catch (KustoException e) {
            throw failed(e, clientRequestId);
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            throw failed(new KustoException(stage, endpoint, database, reason(cause, timeout), cause), clientRequestId);
        }
    }

    private static KustoException failed(KustoException e, String clientRequestId) {
        FailedCalls.failed(clientRequestId);
        LOG.info("{} (ClientRequestId {})", e.getMessage(), clientRequestId);
        return e;
    }

    private String reason(Throwable cause, Duration timeout) {
        if (cause instanceof TimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (cause.getCause() instanceof KustoServiceQueryError streamed) {
            return streamed.getExceptions().stream().map(SdkKusto::streamedError).collect(Collectors.joining("; "));
        }
        Optional<String> known = FailureReason.signIn(cause, identity).or(() -> FailureReason.unreachable(cause));
        if (known.isPresent()) {
            return known.get();
        }
        if (cause instanceof KustoDataExceptionBase && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /**
     * An error inside a query's result stream (a partial query failure such as E_QUERY_RESULT_SET_TOO_LARGE): the
     * SDK's message holds only the generic "Request is invalid and cannot be executed.", Kusto's own text is
     * in {@code @message}.
     */
    private static String streamedError(RuntimeException error) {
        OneApiError api = error instanceof DataWebException web ? web.getApiError() : null;
        return api == null || api.getDescription().isBlank() ? error.getMessage() : api.getCode() + ": " + api.getDescription();
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
