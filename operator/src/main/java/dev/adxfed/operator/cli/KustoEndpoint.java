package dev.adxfed.operator.cli;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.auth.endpoints.KustoTrustedEndpoints;
import com.microsoft.azure.kusto.data.auth.endpoints.MatchRule;
import dev.adxfed.operator.api.HttpUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A Kusto cluster URL given on the command line. Plain http means a local cluster (the emulator,
 * Kustainer) that takes no token; https goes through the default Azure credential chain
 * (environment, workload identity, managed identity, Azure CLI, ...).
 */
public record KustoEndpoint(URI uri) {

    /** Parses and checks {@code text}; the message of the exception says what is wrong with it. */
    public static KustoEndpoint parse(String text) {
        return new KustoEndpoint(HttpUrl.parse(text, "https://mycluster.westeurope.kusto.windows.net or http://127.0.0.1:8080").uri());
    }

    boolean authenticated() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    public Client connect() {
        String url = uri.toString();
        ConnectionStringBuilder connection;
        if (authenticated()) {
            connection = ConnectionStringBuilder.createWithTokenCredential(url, new DefaultAzureCredentialBuilder().build());
        } else {
            // The SDK refuses hosts it does not know unless told; a user naming an http endpoint means it.
            KustoTrustedEndpoints.addTrustedHosts(List.of(new MatchRule(uri.getHost(), true)), false);
            connection = new ConnectionStringBuilder(url);
        }
        try {
            return ClientFactory.createClient(connection);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL the Kusto client accepts: " + e.getReason(), e);
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
