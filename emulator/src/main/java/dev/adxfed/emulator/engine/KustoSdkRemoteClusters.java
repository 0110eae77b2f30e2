package dev.adxfed.emulator.engine;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.auth.endpoints.KustoTrustedEndpoints;
import com.microsoft.azure.kusto.data.auth.endpoints.MatchRule;
import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.IODataServiceException;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaches clusters outside this process with the official Kusto Java SDK, without authentication (as the
 * emulator and Kustainer expect). A cluster that does not answer is {@link ClusterUnreachable}; one that
 * answers with an error gives a {@link KustoError} with the same code.
 */
final class KustoSdkRemoteClusters implements RemoteClusters {
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Duration timeout;

    KustoSdkRemoteClusters(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ResultTable query(String endpoint, String database, String query) {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setTimeoutInMilliSec(timeout.toMillis());
        try {
            KustoResultSetTable result = client(endpoint).executeQuery(database, query, properties).getPrimaryResults();
            return toResultTable(result);
        } catch (IODataServiceException e) {
            throw new ClusterUnreachable(endpoint, e);
        } catch (DataServiceException e) {
            if (e.getStatusCode() == null) {
                throw new ClusterUnreachable(endpoint, e);
            }
            throw RemoteClusters.answeredWithError(endpoint, database, e.getMessage());
        } catch (DataClientException e) {
            throw new ClusterUnreachable(endpoint, e);
        } catch (RuntimeException e) {
            if (e instanceof KustoError) {
                throw e;
            }
            throw new ClusterUnreachable(endpoint, e);
        }
    }

    private Client client(String endpoint) {
        return clients.computeIfAbsent(endpoint, url -> {
            try {
                String host = new URI(url).getHost();
                if (host != null) {
                    // The SDK trusts only Azure and loopback hosts; a query naming cluster('http://host:port') asks for this one.
                    KustoTrustedEndpoints.addTrustedHosts(List.of(new MatchRule(host, true)), false);
                }
                return ClientFactory.createClient(new ConnectionStringBuilder(url));
            } catch (URISyntaxException e) {
                throw KustoError.semantic(SemanticErrors.REMOTE, "Not a cluster URL: '" + url + "'");
            }
        });
    }

    private static ResultTable toResultTable(KustoResultSetTable result) {
        KustoResultColumn[] remoteColumns = result.getColumns();
        List<Column> columns = new ArrayList<>();
        for (KustoResultColumn c : remoteColumns) {
            columns.add(new Column(c.getColumnName(), ScalarType.fromKqlName(c.getColumnType()).orElse(ScalarType.DYNAMIC)));
        }
        List<Object[]> rows = new ArrayList<>();
        while (result.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Conversions.to(columns.get(i).type(), result.getObject(i));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }
}
