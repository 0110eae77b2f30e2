package dev.adxfed.operator.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.Context;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Azure Resource Manager for what provisioning needs: the Microsoft.Kusto resource provider, resource
 * groups, Kusto clusters and their databases (api-version 2024-04-13). Built on azure-core's pipeline:
 * retries (429 and 5xx, honouring Retry-After), a bearer token for https endpoints, and request logging
 * when AZURE_HTTP_LOG_DETAIL_LEVEL asks for it. Long-running operations are followed with
 * azure-core-management's ARM poller; errors come back as {@link ArmException} with ARM's code and message.
 */
public final class ArmClient {

    public static final String KUSTO_API_VERSION = "2024-04-13";
    static final String RESOURCES_API_VERSION = "2021-04-01";
    static final String PROVIDER = "Microsoft.Kusto";
    /** How often a long-running operation is polled when ARM sends no Retry-After. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

    private static final SerializerAdapter SERIALIZER = SerializerFactory.createDefaultManagementSerializerAdapter();
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ArmEndpoint endpoint;
    private final ArmIdentity identity;
    private final HttpPipeline pipeline;
    private final Duration pollInterval;

    ArmClient(ArmEndpoint endpoint, ArmIdentity identity, Duration pollInterval, RetryPolicy retry) {
        this.endpoint = endpoint;
        this.identity = identity;
        this.pollInterval = pollInterval;
        TokenCredential credential = identity.credential();
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new UserAgentPolicy("adxfed"));
        // The token first: an identity that gets none fails once, not once per retry of the request.
        if (credential != null) {
            policies.add(new BearerTokenAuthenticationPolicy(credential, endpoint.scope()));
        }
        policies.add(retry);
        policies.add(new HttpLoggingPolicy(new HttpLogOptions()));
        this.pipeline = new HttpPipelineBuilder().policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
    }

    /** A client signing in as {@link ArmIdentity} chooses: none for a local endpoint, else managed, workload or default. */
    public static ArmClient create(ArmEndpoint endpoint, String managedIdentityClientId) {
        return create(endpoint, managedIdentityClientId, POLL_INTERVAL);
    }

    public static ArmClient create(ArmEndpoint endpoint, String managedIdentityClientId, Duration pollInterval) {
        ArmIdentity identity = ArmIdentity.of(endpoint, managedIdentityClientId, System.getenv());
        return new ArmClient(endpoint, identity, pollInterval, new RetryPolicy());
    }

    public ArmEndpoint endpoint() {
        return endpoint;
    }

    /** How often a long-running operation or a cluster's state is polled when ARM sends no Retry-After. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Registered, Registering, NotRegistered, ... for the Microsoft.Kusto provider in the subscription. */
    public String providerRegistrationState(String subscriptionId) {
        JsonNode provider = json(send(HttpMethod.GET, providerPath(subscriptionId), RESOURCES_API_VERSION, null));
        return provider.path("registrationState").asText("NotRegistered");
    }

    public void registerProvider(String subscriptionId) {
        send(HttpMethod.POST, providerPath(subscriptionId) + "/register", RESOURCES_API_VERSION, null);
    }

    public boolean resourceGroupExists(ClusterId id) {
        return read(() -> send(HttpMethod.GET, id.resourceGroupPath(), RESOURCES_API_VERSION, null)).isPresent();
    }

    public void createResourceGroup(ClusterId id, String location) {
        send(HttpMethod.PUT, id.resourceGroupPath(), RESOURCES_API_VERSION, Map.of("location", location));
    }

    /** Whether a cluster of this name could be made in the location (names are global): null reason when it can. */
    public NameAvailability checkClusterName(ClusterId id, String location) {
        String path = id.subscriptionPath() + "/providers/" + PROVIDER + "/locations/" + ClusterId.encode(location)
                + "/checkNameAvailability";
        JsonNode answer = json(send(HttpMethod.POST, path, KUSTO_API_VERSION,
                Map.of("name", id.name(), "type", "Microsoft.Kusto/clusters")));
        return new NameAvailability(answer.path("nameAvailable").asBoolean(false),
                answer.hasNonNull("message") ? answer.get("message").asText() : answer.path("reason").asText(null));
    }

    /** The cluster, or empty when there is none of that name in the resource group. */
    public Optional<KustoCluster> cluster(ClusterId id) {
        return read(() -> send(HttpMethod.GET, id.path(), KUSTO_API_VERSION, null)).map(r -> value(r, KustoCluster.class));
    }

    /** Starts making the cluster (PUT): about ten minutes on Azure. */
    public LongRunningOperation createCluster(ClusterId id, KustoCluster cluster) {
        return begin("create cluster " + id.name(), HttpMethod.PUT, id.path(), cluster);
    }

    /** Starts one update (PATCH) carrying only what changes. */
    public LongRunningOperation updateCluster(ClusterId id, KustoCluster changes) {
        return begin("update cluster " + id.name(), HttpMethod.PATCH, id.path(), changes);
    }

    /** The names (as Kusto knows them) of the cluster's databases. */
    public List<String> databases(ClusterId id) {
        JsonNode list = json(send(HttpMethod.GET, id.path() + "/databases", KUSTO_API_VERSION, null));
        List<String> names = new ArrayList<>();
        for (JsonNode item : list.path("value")) {
            names.add(value(item, KustoDatabase.class).database());
        }
        return names;
    }

    public Optional<KustoDatabase> database(ClusterId id, String database) {
        return read(() -> send(HttpMethod.GET, id.databasePath(database), KUSTO_API_VERSION, null))
                .map(r -> value(r, KustoDatabase.class));
    }

    /** Starts making a database (PUT): typically under a minute. */
    public LongRunningOperation createDatabase(ClusterId id, String database, KustoDatabase body) {
        return begin("create database " + database + " on " + id.name(), HttpMethod.PUT, id.databasePath(database), body);
    }

    private LongRunningOperation begin(String what, HttpMethod method, String path, Object body) {
        HttpRequest request = request(method, path, KUSTO_API_VERSION, body);
        Sent sent = execute(request);
        Mono<Response<Flux<ByteBuffer>>> activation = Mono.just(new SimpleResponse<>(request, sent.status(), sent.headers(),
                Flux.just(ByteBuffer.wrap(sent.body()))));
        SyncPoller<PollResult<Object>, Object> poller = PollerFactory.<Object, Object>create(SERIALIZER, pipeline,
                Object.class, Object.class, pollInterval, activation, Context.NONE).getSyncPoller();
        return new LongRunningOperation(what, poller, pollInterval);
    }

    private static String providerPath(String subscriptionId) {
        return "/subscriptions/" + ClusterId.encode(subscriptionId) + "/providers/" + PROVIDER;
    }

    /** A GET whose 404 means "there is none". */
    private static Optional<Sent> read(Supplier<Sent> get) {
        try {
            return Optional.of(get.get());
        } catch (ArmException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Sent send(HttpMethod method, String path, String apiVersion, Object body) {
        return execute(request(method, path, apiVersion, body));
    }

    private HttpRequest request(HttpMethod method, String path, String apiVersion, Object body) {
        HttpRequest request = new HttpRequest(method, endpoint.uri() + path + "?api-version=" + apiVersion);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null || method == HttpMethod.POST) {
            try {
                request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
                request.setBody(body == null ? "{}" : JSON.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the request body of " + path, e);
            }
        }
        return request;
    }

    /** One request through the pipeline (retries included); an error status becomes an {@link ArmException}. */
    private Sent execute(HttpRequest request) {
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            byte[] body = response.getBodyAsBinaryData() == null ? new byte[0] : response.getBodyAsBinaryData().toBytes();
            if (response.getStatusCode() >= 400) {
                throw error(response.getStatusCode(), body, request.getHttpMethod() + " " + request.getUrl().getPath());
            }
            return new Sent(response.getStatusCode(), response.getHeaders(), body);
        } catch (ClientAuthenticationException e) {
            // Nothing was sent: the identity got no token, which ARM would have answered with 401.
            String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ArmException(401, "NoToken", "no token for " + endpoint.uri() + ": signs in with "
                    + identity.signsInWith() + " (Azure said: " + said.strip() + ")");
        }
    }

    static ArmException error(int status, byte[] body, String where) {
        ManagementError error = null;
        try {
            error = body.length == 0 ? null : SERIALIZER.deserialize(body, ManagementError.class, SerializerEncoding.JSON);
        } catch (IOException | RuntimeException e) {
            // Not ARM's error shape (a proxy's page, say): the status and text still say what happened.
        }
        if (error == null || error.getCode() == null) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return new ArmException(status, "HTTP" + status, where
                    + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text)));
        }
        return new ArmException(status, error.getCode(), error.getMessage());
    }

    private static JsonNode json(Sent sent) {
        try {
            return sent.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(sent.body());
        } catch (IOException e) {
            throw new ArmException(sent.status(), "InvalidResponse", "not JSON: " + e.getMessage());
        }
    }

    private static <T> T value(Sent sent, Class<T> type) {
        return value(json(sent), type);
    }

    private static <T> T value(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ArmException(200, "InvalidResponse", "not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private record Sent(int status, HttpHeaders headers, byte[] body) {}
}
