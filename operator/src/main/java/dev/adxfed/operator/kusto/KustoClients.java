package dev.adxfed.operator.kusto;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.auth.endpoints.KustoTrustedEndpoints;
import com.microsoft.azure.kusto.data.auth.endpoints.MatchRule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One SDK client per (endpoint, identity), made on first use and reused by every later pass. */
public final class KustoClients implements KustoConnector {

    private record Key(String endpoint, KustoIdentity identity) {}

    private final StageTimeouts timeouts;
    private final Map<Key, Kusto> clients = new ConcurrentHashMap<>();

    public KustoClients(StageTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public Kusto connect(String endpoint, String managedIdentityClientId) {
        KustoIdentity identity = KustoIdentity.of(endpoint, managedIdentityClientId);
        return clients.computeIfAbsent(new Key(endpoint, identity), key -> new SdkKusto(endpoint, create(key), timeouts));
    }

    private static Client create(Key key) {
        try {
            return ClientFactory.createClient(connectionString(key.endpoint(), key.identity()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Kusto endpoint: " + key.endpoint(), e);
        }
    }

    private static ConnectionStringBuilder connectionString(String endpoint, KustoIdentity identity) {
        if (identity instanceof KustoIdentity.None) {
            trustPlainHttpHost(endpoint);
            return new ConnectionStringBuilder(endpoint);
        }
        if (identity instanceof KustoIdentity.ManagedIdentity managed) {
            // createWithAadManagedIdentity(url, id) sends a wrong client id in kusto-data 6.0.2.
            return ConnectionStringBuilder.createWithTokenCredential(endpoint,
                    new ManagedIdentityCredentialBuilder().clientId(managed.clientId()).build());
        }
        return ConnectionStringBuilder.createWithTokenCredential(endpoint, new DefaultAzureCredentialBuilder().build());
    }

    /** The SDK trusts only loopback and Azure hosts; an in-cluster Kustainer service needs adding. */
    private static void trustPlainHttpHost(String endpoint) {
        String host = URI.create(endpoint).getHost();
        if (host != null && !host.equals("localhost") && !host.startsWith("127.")) {
            KustoTrustedEndpoints.addTrustedHosts(List.of(new MatchRule(host, true)), false);
        }
    }
}
