package dev.adxfed.operator.kusto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KustoIdentityTest {

    static final String AZURE = "https://hub.westeurope.kusto.windows.net";

    @Test
    void anAbsentOrEmptyClientIdSignsInWithTheDefaultCredentialChain() {
        assertThat(KustoIdentity.of(AZURE, null, Map.of())).isEqualTo(new KustoIdentity.DefaultChain());
        assertThat(KustoIdentity.of(AZURE, "", Map.of())).isEqualTo(new KustoIdentity.DefaultChain());
        assertThat(KustoIdentity.of(AZURE, "  ", Map.of())).isEqualTo(new KustoIdentity.DefaultChain());
    }

    @Test
    void aClientIdNamesTheUserAssignedIdentity() {
        assertThat(KustoIdentity.of(AZURE, " 11111111-2222-3333-4444-555555555555 ", Map.of()))
                .isEqualTo(new KustoIdentity.ManagedIdentity("11111111-2222-3333-4444-555555555555"));
    }

    @Test
    void plainHttpTakesNoTokenWhateverTheClientId() {
        assertThat(KustoIdentity.of("http://127.0.0.1:8080", null, Map.of())).isEqualTo(new KustoIdentity.None());
        assertThat(KustoIdentity.of("HTTP://emulator:8080", "11111111-2222-3333-4444-555555555555", Map.of()))
                .isEqualTo(new KustoIdentity.None());
    }

    static final Map<String, String> WORKLOAD = Map.of("AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/token",
            "AZURE_CLIENT_ID", "99999999-8888-7777-6666-555555555555", "AZURE_TENANT_ID", "tenant",
            "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/");

    @Test
    void withWorkloadIdentityInjectedItIsTheOnlyCredentialWhateverTheResourceSays() {
        assertThat(KustoIdentity.of(AZURE, null, WORKLOAD)).isEqualTo(new KustoIdentity.WorkloadIdentity(
                "99999999-8888-7777-6666-555555555555", "tenant", "/var/run/secrets/azure/tokens/token",
                "https://login.microsoftonline.com/"));
        assertThat(KustoIdentity.of(AZURE, "11111111-2222-3333-4444-555555555555", WORKLOAD))
                .as("the resource's client id names the identity the pod's token is exchanged for, never the node's")
                .isInstanceOf(KustoIdentity.WorkloadIdentity.class)
                .extracting(i -> ((KustoIdentity.WorkloadIdentity) i).clientId())
                .isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(KustoIdentity.of("http://127.0.0.1:8080", null, WORKLOAD)).isEqualTo(new KustoIdentity.None());
    }

    @Test
    void anIdentityThatGetsNoTokenIsReportedAtFirstUseAndOnlyOnce(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "not-a-service-account-token");
        // Nothing listens on port 1: the exchange fails as it does when the webhook's settings are wrong.
        Map<String, String> environment = Map.of("AZURE_FEDERATED_TOKEN_FILE", token.toString(),
                "AZURE_CLIENT_ID", "99999999-8888-7777-6666-555555555555", "AZURE_TENANT_ID",
                "72f988bf-86f1-41af-91ab-2d7cd011db47", "AZURE_AUTHORITY_HOST", "https://127.0.0.1:1/");
        List<String> reports = new ArrayList<>();
        KustoClients clients = new KustoClients(StageTimeouts.all(Duration.ofSeconds(5)), environment,
                (identity, endpoint, failure) -> reports.add(identity.kind() + " " + endpoint + " "
                        + failure.map(f -> "failed").orElse("ok")));

        clients.connect(AZURE, null);
        clients.connect("https://other.westeurope.kusto.windows.net", null);
        clients.connect("http://127.0.0.1:8080", null);

        assertThat(reports).containsExactly("workload " + AZURE + " failed");
    }

    @Test
    void plainHttpEndpointsAreNotChecked() {
        List<Optional<String>> reports = new ArrayList<>();
        new KustoClients(StageTimeouts.all(Duration.ofSeconds(5)), WORKLOAD, (identity, endpoint, failure) -> reports.add(failure))
                .connect("http://127.0.0.1:8080", null);
        assertThat(reports).isEmpty();
    }
}
