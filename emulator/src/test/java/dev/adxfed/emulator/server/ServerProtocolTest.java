package dev.adxfed.emulator.server;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.adxfed.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ServerProtocolTest {

    private static Emulator emulator;
    private static Client client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.startClusters(1);
        client = ClientFactory.createClient(new ConnectionStringBuilder(emulator.endpoint().toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Test
    void authMetadataIsNotFoundSoTheSdkAssumesThePublicCloud() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/v1/rest/auth/metadata")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotJsonIsA400NamingTheProblem() throws Exception {
        HttpResponse<String> response = post("/v1/rest/mgmt", "{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-ms-activity-id")).isPresent();
        assertThat(response.body()).contains("\"code\":\"BadRequest_InvalidArgument\"").contains("not valid JSON");
    }

    @Test
    void aRequestWithoutTextIsA400() throws Exception {
        HttpResponse<String> response = post("/v2/rest/query", "{\"db\":\"Metrics\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no \\\"csl\\\" text");
    }

    @Test
    void anUnknownPathIsA400ThatNamesTheEndpoints() throws Exception {
        HttpResponse<String> response = post("/v1/rest/ingest", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("POST /v1/rest/ingest is not a Kusto REST endpoint");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
