package dev.adxfed.operator.kusto;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.CredentialUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {

    @Test
    void aCredentialThatGaveNoTokenIsSaidWithWhatTheIdentityNeeds() {
        RuntimeException wrapped = new RuntimeException("Error acquiring token", new CredentialUnavailableException(
                "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials: ..."));

        assertThat(FailureReason.signIn(wrapped, new KustoIdentity.DefaultChain())).hasValue("no token: the default Azure"
                + " credential: run az login on a workstation, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET;"
                + " in Kubernetes give the operator a workload identity (Azure said: DefaultAzureCredential failed to retrieve"
                + " a token from the included credentials.)");
        assertThat(FailureReason.signIn(new ClientAuthenticationException("AADSTS700016: application not found", null),
                new KustoIdentity.ManagedIdentity("1111"))).get().asString()
                .startsWith("no token: managed identity 1111: it signs in only on an Azure VM or AKS node")
                .endsWith("(Azure said: AADSTS700016: application not found)");
        assertThat(FailureReason.signIn(new IOException("reset"), new KustoIdentity.DefaultChain())).isEmpty();
    }

    @Test
    void aClusterNotReachedIsSaidWithWhatToCheck() {
        assertThat(FailureReason.unreachable(new IOException("metadata", new UnknownHostException("x.kusto.windows.net"))))
                .get().asString().startsWith("its host name is not known (DNS has no such name): check the endpoint");
        assertThat(FailureReason.unreachable(new ConnectException("Connection refused")))
                .hasValue("connection refused: check the endpoint and that the cluster is running");
        assertThat(FailureReason.unreachable(new IOException("Kusto error"))).isEmpty();
    }
}
