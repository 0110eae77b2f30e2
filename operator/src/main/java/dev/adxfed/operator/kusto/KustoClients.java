package dev.adxfed.operator.kusto;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.auth.endpoints.KustoTrustedEndpoints;
import com.microsoft.azure.kusto.data.auth.endpoints.MatchRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SDK client per (endpoint, identity), made on first use and reused by every later pass. In the operator,
 * the first client of each identity that takes a token (every https endpoint) first checks that a token can be
 * had, so that a missing or misconfigured identity shows at start-up, in the log and through {@link TokenReport},
 * rather than only as failed calls. The commands skip that check: the call that fails says why, once.
 */
public final class KustoClients implements KustoConnector {

    /** Told once per identity whether a token could be had; {@code failure} says why not. */
    @FunctionalInterface
    public interface TokenReport {
        void checked(KustoIdentity identity, String endpoint, Optional<String> failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(KustoClients.class);
    private static final Duration TOKEN_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private record Key(String endpoint, KustoIdentity identity) {}

    private final StageTimeouts timeouts;
    private final Map<String, String> environment;
    private final Optional<TokenReport> report;
    private final Map<Key, Kusto> clients = new ConcurrentHashMap<>();
    private final Set<KustoIdentity> checked = ConcurrentHashMap.newKeySet();

    /** For a command: the process's environment, and no token check. */
    public KustoClients(StageTimeouts timeouts) {
        this(timeouts, System.getenv(), Optional.empty());
    }

    /** For the operator: the process's environment (workload identity when the webhook injected it), tokens checked. */
    public KustoClients(StageTimeouts timeouts, Map<String, String> environment, TokenReport report) {
        this(timeouts, environment, Optional.of(report));
    }

    private KustoClients(StageTimeouts timeouts, Map<String, String> environment, Optional<TokenReport> report) {
        this.timeouts = timeouts;
        this.environment = Map.copyOf(environment);
        this.report = report;
    }

    /** How {@link #connect} signs in to {@code endpoint}. */
    public KustoIdentity identity(String endpoint, String managedIdentityClientId) {
        return KustoIdentity.of(endpoint, managedIdentityClientId, environment);
    }

    @Override
    public Kusto connect(String endpoint, String managedIdentityClientId) {
        KustoIdentity identity = identity(endpoint, managedIdentityClientId);
        return clients.computeIfAbsent(new Key(endpoint, identity), key -> {
            ConnectionStringBuilder connection = connectionString(endpoint, identity);
            return new SdkKusto(endpoint, identity, create(endpoint, connection), timeouts);
        });
    }

    private static Client create(String endpoint, ConnectionStringBuilder connection) {
        try {
            return ClientFactory.createClient(connection);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Kusto endpoint: " + endpoint, e);
        }
    }

    private ConnectionStringBuilder connectionString(String endpoint, KustoIdentity identity) {
        if (identity instanceof KustoIdentity.None) {
            trustPlainHttpHost(endpoint);
            return new ConnectionStringBuilder(endpoint);
        }
        TokenCredential credential = credential(identity);
        report.filter(r -> checked.add(identity)).ifPresent(r -> checkToken(identity, endpoint, credential, r));
        return ConnectionStringBuilder.createWithTokenCredential(endpoint, credential);
    }

    private static TokenCredential credential(KustoIdentity identity) {
        if (identity instanceof KustoIdentity.WorkloadIdentity workload) {
            WorkloadIdentityCredentialBuilder builder = new WorkloadIdentityCredentialBuilder()
                    .clientId(workload.clientId()).tenantId(workload.tenantId()).tokenFilePath(workload.tokenFile());
            if (workload.authorityHost() != null && !workload.authorityHost().isBlank()) {
                builder.authorityHost(workload.authorityHost());
            }
            return builder.build();
        }
        if (identity instanceof KustoIdentity.ManagedIdentity managed) {
            // createWithAadManagedIdentity(url, id) sends a wrong client id in kusto-data 6.0.2.
            return new ManagedIdentityCredentialBuilder().clientId(managed.clientId()).build();
        }
        return new DefaultAzureCredentialBuilder().build();
    }

    /** Asks for a token for the cluster as the SDK will ({@code <endpoint>/.default}); reports, never throws. */
    private static void checkToken(KustoIdentity identity, String endpoint, TokenCredential credential, TokenReport report) {
        Optional<String> failure;
        try {
            credential.getToken(new TokenRequestContext().addScopes(scope(endpoint))).block(TOKEN_CHECK_TIMEOUT);
            failure = Optional.empty();
            LOG.info("{} identity: a token for {} was issued", identity.kind(), endpoint);
        } catch (RuntimeException e) {
            failure = Optional.of(FailureReason.signIn(e, identity).or(() -> FailureReason.unreachable(e))
                    .orElseGet(() -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            LOG.error("{} identity: no token for {}: calls to it will fail until the identity is fixed: {}",
                    identity.kind(), endpoint, failure.get());
        }
        report.checked(identity, endpoint, failure);
    }

    private static String scope(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getAuthority() + "/.default";
    }

    /** The SDK trusts only loopback and Azure hosts; an in-cluster Kustainer service needs adding. */
    private static void trustPlainHttpHost(String endpoint) {
        String host = URI.create(endpoint).getHost();
        if (host != null && !host.equals("localhost") && !host.startsWith("127.")) {
            KustoTrustedEndpoints.addTrustedHosts(List.of(new MatchRule(host, true)), false);
        }
    }
}
