package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.emulator.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The local Azure Resource Manager over HTTP, and the clusters it makes as the official Kusto SDK sees them. */
class ArmEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "api-version=2024-04-13";
    private static final AtomicInteger SUBSCRIPTIONS = new AtomicInteger();

    static Emulator emulator;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.sample(1).withArm(new EmulatorConfig.ArmConfig(0, 0L)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void reset() {
        emulator.arm().faults().clear();
        emulator.arm().provisioningDelay(Duration.ZERO);
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorCode() {
            return body.path("error").path("code").asText();
        }

        String errorMessage() {
            return body.path("error").path("message").asText();
        }
    }

    static Answer send(String method, String pathAndQuery, String body) throws Exception {
        URI uri = pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : URI.create(emulator.armEndpoint() + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer any-token")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    /** A fresh subscription with Microsoft.Kusto registered and resource group "rg" in westus. */
    static String readySubscription() throws Exception {
        String sub = "sub-" + SUBSCRIPTIONS.incrementAndGet();
        assertThat(send("POST", "/subscriptions/" + sub + "/providers/Microsoft.Kusto/register?api-version=2021-04-01", null).status())
                .isEqualTo(200);
        assertThat(send("PUT", "/subscriptions/" + sub + "/resourcegroups/rg?api-version=2021-04-01", "{\"location\":\"westus\"}").status())
                .isEqualTo(201);
        return sub;
    }

    static String clusterPath(String sub, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Kusto/clusters/" + name;
    }

    static final String CLUSTER_BODY = """
            {"location": "westus", "sku": {"name": "Standard_E2ads_v5", "tier": "Standard", "capacity": 2},
             "identity": {"type": "UserAssigned", "userAssignedIdentities": {
                 "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/adxfed": {}}},
             "properties": {"engineType": "V3", "enableAutoStop": false,
                            "optimizedAutoscale": {"version": 1, "isEnabled": true, "minimum": 2, "maximum": 4}}}""";

    static List<String> databases(Client client) throws Exception {
        KustoResultSetTable rows = client.executeMgmt("NetDefaultDB", ".show databases", null).getPrimaryResults();
        List<String> names = new ArrayList<>();
        while (rows.next()) {
            names.add(rows.getString("DatabaseName"));
        }
        return names;
    }

    /** The names of the resources of a list answer, {"value": [...]}. */
    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("value").forEach(resource -> names.add(resource.path("name").asText()));
        return names;
    }

    @Test
    void providerRegistrationAndResourceGroupsComeBeforeClusters() throws Exception {
        String sub = "unregistered";
        String provider = "/subscriptions/" + sub + "/providers/Microsoft.Kusto?api-version=2021-04-01";
        assertThat(send("GET", provider, null).body().path("registrationState").asText()).isEqualTo("NotRegistered");
        Answer refused = send("PUT", clusterPath(sub, "early") + "?" + VERSION, CLUSTER_BODY);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("MissingSubscriptionRegistration");

        emulator.arm().provisioningDelay(Duration.ofSeconds(30));
        assertThat(send("POST", "/subscriptions/" + sub + "/providers/microsoft.kusto/register?api-version=2021-04-01", null)
                .body().path("registrationState").asText()).isEqualTo("Registering");

        String group = "/subscriptions/" + sub + "/resourcegroups/Team-RG?api-version=2021-04-01";
        assertThat(send("HEAD", group, null).status()).isEqualTo(404);
        Answer missing = send("GET", "/subscriptions/" + sub + "/resourceGroups/team-rg/providers/Microsoft.Kusto/clusters/hub1?" + VERSION, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("ResourceGroupNotFound");
        assertThat(send("PUT", group, "{}").errorMessage()).contains("location");
        assertThat(send("PUT", group, "{\"location\":\"westus\"}").status()).isEqualTo(201);
        Answer again = send("PUT", "/subscriptions/" + sub + "/resourceGroups/team-rg?api-version=2021-04-01", "{\"location\":\"westus\"}");
        assertThat(again.status()).as("resource group names match in any case").isEqualTo(200);
        assertThat(again.body().path("name").asText()).isEqualTo("Team-RG");
        assertThat(send("HEAD", group, null).status()).isEqualTo(204);
        assertThat(send("GET", "/subscriptions/" + sub + "/resourceGroups/Team-RG", null).errorCode())
                .isEqualTo("MissingApiVersionParameter");
    }

    @Test
    void aClusterIsCreatedAsALongRunningOperationAndThenServesKustoWithTheDatabasesMadeThroughArm() throws Exception {
        String sub = readySubscription();
        emulator.arm().provisioningDelay(Duration.ofMillis(500));
        Answer created = send("PUT", clusterPath(sub, "hub1") + "?" + VERSION, CLUSTER_BODY);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/properties/provisioningState").asText()).isEqualTo("Creating");
        assertThat(created.body().at("/properties/state").asText()).isEqualTo("Creating");
        assertThat(created.body().at("/properties/uri").isMissingNode()).isTrue();
        String operation = created.header("Azure-AsyncOperation");
        assertThat(operation).startsWith(emulator.armEndpoint().toString()).contains("api-version=2024-04-13");
        assertThat(created.header("Location")).isNotNull();
        assertThat(send("GET", operation, null).body().path("status").asText()).isEqualTo("InProgress");
        assertThat(send("GET", created.header("Location"), null).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> send("GET", operation, null).body().path("status").asText().equals("Succeeded"));
        JsonNode cluster = send("GET", clusterPath(sub, "hub1") + "?" + VERSION, null).body();
        assertThat(cluster.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(cluster.at("/properties/state").asText()).isEqualTo("Running");
        assertThat(cluster.at("/sku")).isEqualTo(JSON.readTree("{\"name\":\"Standard_E2ads_v5\",\"tier\":\"Standard\",\"capacity\":2}"));
        assertThat(cluster.at("/properties/optimizedAutoscale/maximum").asInt()).isEqualTo(4);
        assertThat(cluster.at("/properties/enableAutoStop").asBoolean()).isFalse();
        assertThat(cluster.at("/identity/type").asText()).isEqualTo("UserAssigned");
        assertThat(cluster.at("/identity/userAssignedIdentities").fieldNames().next()).endsWith("/userAssignedIdentities/adxfed");
        assertThat(cluster.path("id").asText()).isEqualToIgnoringCase(clusterPath(sub, "hub1"));
        assertThat(send("GET", created.header("Location"), null).body()).isEqualTo(cluster);

        String uri = cluster.at("/properties/uri").asText();
        assertThat(emulator.cluster("hub1").orElseThrow().url()).isEqualTo(uri);
        Client kusto = ClientFactory.createClient(new ConnectionStringBuilder(uri));
        assertThat(databases(kusto)).isEmpty();
        assertThatThrownBy(() -> kusto.executeMgmt("NetDefaultDB", ".create database Metrics persist (@'/a', @'/b')", null))
                .isInstanceOfSatisfying(DataServiceException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("Azure Resource Manager");
                });

        Answer database = send("PUT", clusterPath(sub, "hub1") + "/databases/Metrics?" + VERSION,
                "{\"kind\":\"ReadWrite\",\"location\":\"westus\",\"properties\":{\"softDeletePeriod\":\"P365D\",\"hotCachePeriod\":\"P31D\"}}");
        assertThat(database.status()).isEqualTo(201);
        assertThat(database.body().at("/properties/provisioningState").asText()).isEqualTo("Creating");
        assertThat(databases(kusto)).as("not there before the operation is over").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> databases(kusto).contains("Metrics"));
        JsonNode made = send("GET", clusterPath(sub, "hub1") + "/Databases/metrics?" + VERSION, null).body();
        assertThat(made.path("name").asText()).isEqualTo("hub1/Metrics");
        assertThat(made.path("kind").asText()).isEqualTo("ReadWrite");
        assertThat(made.at("/properties/softDeletePeriod").asText()).isEqualTo("P365D");
        assertThat(made.at("/properties/hotCachePeriod").asText()).isEqualTo("P31D");
        assertThat(made.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        emulator.arm().provisioningDelay(Duration.ZERO);
        send("PUT", clusterPath(sub, "hub1") + "/databases/Logs?" + VERSION, "{\"kind\":\"ReadWrite\"}");
        assertThat(databases(kusto)).containsExactlyInAnyOrder("Logs", "Metrics");
        JsonNode list = send("GET", clusterPath(sub, "hub1") + "/databases?" + VERSION, null).body();
        assertThat(names(list)).containsExactly("hub1/Logs", "hub1/Metrics");

        Answer deleted = send("DELETE", clusterPath(sub, "hub1") + "/databases/Logs?" + VERSION, null);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(send("GET", deleted.header("Location"), null).status()).isEqualTo(204);
        assertThat(databases(kusto)).containsExactly("Metrics");
        assertThatThrownBy(() -> kusto.executeMgmt("NetDefaultDB", ".drop database Metrics", null))
                .isInstanceOfSatisfying(DataServiceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        assertThat(send("DELETE", clusterPath(sub, "hub1") + "/databases/Logs?" + VERSION, null).status()).isEqualTo(204);
        assertThat(send("GET", clusterPath(sub, "hub1") + "/databases/Logs?" + VERSION, null).errorCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void anUpdateChangesSkuAndAutoscaleAsAnOperationAndListsShowTheCluster() throws Exception {
        String sub = readySubscription();
        send("PUT", clusterPath(sub, "part1") + "?" + VERSION, CLUSTER_BODY);
        Answer patched = send("PATCH", clusterPath(sub, "part1") + "?" + VERSION,
                "{\"sku\":{\"name\":\"Standard_E4ads_v5\",\"tier\":\"Standard\",\"capacity\":3},"
                        + "\"properties\":{\"optimizedAutoscale\":{\"version\":1,\"isEnabled\":true,\"minimum\":3,\"maximum\":6}}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("Azure-AsyncOperation")).isNotNull();
        assertThat(send("GET", patched.header("Azure-AsyncOperation"), null).body().path("status").asText()).isEqualTo("Succeeded");
        JsonNode cluster = send("GET", clusterPath(sub, "part1") + "?" + VERSION, null).body();
        assertThat(cluster.at("/sku/name").asText()).isEqualTo("Standard_E4ads_v5");
        assertThat(cluster.at("/sku/capacity").asInt()).isEqualTo(3);
        assertThat(cluster.at("/properties/optimizedAutoscale/minimum").asInt()).isEqualTo(3);
        assertThat(cluster.at("/identity/type").asText()).as("what the PATCH does not name is kept").isEqualTo("UserAssigned");
        assertThat(cluster.at("/properties/state").asText()).isEqualTo("Running");

        assertThat(names(send("GET", "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Kusto/clusters?" + VERSION, null)
                .body())).containsExactly("part1");
        assertThat(names(send("GET", "/subscriptions/" + sub + "/providers/Microsoft.Kusto/clusters?" + VERSION, null)
                .body())).containsExactly("part1");
        assertThat(send("GET", "/subscriptions/other/providers/Microsoft.Kusto/clusters?" + VERSION, null)
                .body().path("value").size()).isZero();
    }

    @Test
    void nameChecksAndErrorsHaveArmsShapes() throws Exception {
        String sub = readySubscription();
        send("PUT", clusterPath(sub, "taken1") + "?" + VERSION, CLUSTER_BODY);
        String check = "/subscriptions/" + sub + "/providers/Microsoft.Kusto/locations/westus/checkNameAvailability?" + VERSION;
        assertThat(send("POST", check, "{\"name\":\"free1\",\"type\":\"Microsoft.Kusto/clusters\"}").body().path("nameAvailable").asBoolean())
                .isTrue();
        JsonNode taken = send("POST", check, "{\"name\":\"taken1\",\"type\":\"Microsoft.Kusto/clusters\"}").body();
        assertThat(taken.path("nameAvailable").asBoolean()).isFalse();
        assertThat(taken.path("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(send("POST", check, "{\"name\":\"Bad_Name\",\"type\":\"Microsoft.Kusto/clusters\"}").body().path("reason").asText())
                .isEqualTo("Invalid");
        String configured = emulator.clusters().get(0).name();
        assertThat(send("POST", check, "{\"name\":\"" + configured + "\",\"type\":\"Microsoft.Kusto/clusters\"}").body()
                .path("nameAvailable").asBoolean()).as("a configured cluster's name is taken too").isFalse();
        String dbCheck = clusterPath(sub, "taken1") + "/checkNameAvailability?" + VERSION;
        send("PUT", clusterPath(sub, "taken1") + "/databases/Metrics?" + VERSION, "{\"kind\":\"ReadWrite\"}");
        assertThat(send("POST", dbCheck, "{\"name\":\"Metrics\",\"type\":\"Microsoft.Kusto/clusters/databases\"}").body()
                .path("nameAvailable").asBoolean()).isFalse();
        assertThat(send("POST", dbCheck, "{\"name\":\"Logs\",\"type\":\"Microsoft.Kusto/clusters/databases\"}").body()
                .path("nameAvailable").asBoolean()).isTrue();

        Answer missing = send("GET", clusterPath(sub, "nothere") + "?" + VERSION, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("ResourceNotFound");
        assertThat(missing.errorMessage()).contains("nothere");
        Answer moved = send("PUT", clusterPath(sub, "taken1") + "?" + VERSION, CLUSTER_BODY.replace("westus", "eastus"));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.errorMessage()).contains("westus", "eastus");
        Answer noSku = send("PUT", clusterPath(sub, "nosku1") + "?" + VERSION, "{\"location\":\"westus\"}");
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.errorMessage()).contains("sku");
        Answer badTier = send("PUT", clusterPath(sub, "tier1") + "?" + VERSION,
                "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_E2ads_v5\",\"tier\":\"Gold\"}}");
        assertThat(badTier.errorMessage()).contains("sku.tier", "Gold");
        assertThat(send("GET", clusterPath(sub, "taken1") + "?api-version=2099-01-01", null).status()).isEqualTo(400);
        assertThat(send("PUT", clusterPath(sub, "taken1") + "/databases/Db?" + VERSION, "not json").errorCode())
                .isEqualTo("InvalidRequestContent");
    }

    @Test
    void armedFaultsAnswerWithArmErrorsForMatchingRequestsOnly() throws Exception {
        String sub = readySubscription();
        emulator.arm().faults().inject(Fault.kustoError(403, "AuthorizationFailed",
                "The client does not have authorization to perform action 'Microsoft.Kusto/clusters/write'").matching("^PUT .+/clusters/").times(1));
        Answer forbidden = send("PUT", clusterPath(sub, "locked1") + "?" + VERSION, CLUSTER_BODY);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("AuthorizationFailed");
        assertThat(send("GET", clusterPath(sub, "locked1") + "?" + VERSION, null).status()).as("nothing was made").isEqualTo(404);
        assertThat(send("PUT", clusterPath(sub, "locked1") + "?" + VERSION, CLUSTER_BODY).status()).as("disarmed after one").isEqualTo(201);

        emulator.arm().faults().inject(Fault.throttle().retryAfter(Duration.ofSeconds(7)).matching("^GET ").times(2));
        Answer throttled = send("GET", clusterPath(sub, "locked1") + "?" + VERSION, null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("7");
        assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");

        Answer armedOverHttp = send("POST", "/adxfed/faults",
                "{\"kind\":\"kustoError\",\"status\":409,\"code\":\"Conflict\",\"message\":\"busy\",\"match\":\"^PATCH \"}");
        assertThat(armedOverHttp.status()).isEqualTo(200);
        assertThat(armedOverHttp.body().path("faults").size()).isEqualTo(2);
        Answer conflict = send("PATCH", clusterPath(sub, "locked1") + "?" + VERSION, "{}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorMessage()).isEqualTo("busy");
        assertThat(emulator.arm().faults().hits()).isEqualTo(3);
    }

    @Test
    void anUnreachableFaultClosesThePortUntilTheFaultsAreCleared() throws Exception {
        String sub = readySubscription();
        Answer armed = send("POST", "/adxfed/faults", "{\"kind\":\"unreachable\"}");
        assertThat(armed.status()).as("the request that takes it down is answered first").isEqualTo(200);

        // A connection the client pooled before is dropped as a down host drops it; a new one is refused.
        assertThatThrownBy(() -> send("GET", clusterPath(sub, "any1") + "?" + VERSION, null)).isInstanceOf(IOException.class);
        HttpRequest get = HttpRequest.newBuilder(URI.create(emulator.armEndpoint() + clusterPath(sub, "any1") + "?" + VERSION))
                .GET().build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);

        emulator.arm().faults().clear();
        assertThat(send("GET", clusterPath(sub, "any1") + "?" + VERSION, null).errorCode())
                .as("the same port answers again").isEqualTo("ResourceNotFound");
    }
}
