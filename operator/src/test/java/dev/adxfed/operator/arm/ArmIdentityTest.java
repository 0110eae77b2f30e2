package dev.adxfed.operator.arm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmIdentityTest {

    @Test
    void theEndpointDefaultsToThePublicCloudAndItsScope() {
        assertThat(ArmEndpoint.DEFAULT.toString()).isEqualTo("https://management.azure.com");
        assertThat(ArmEndpoint.DEFAULT.scope()).isEqualTo("https://management.azure.com/.default");
        assertThat(ArmEndpoint.parse("https://management.chinacloudapi.cn/").scope())
                .isEqualTo("https://management.chinacloudapi.cn/.default");
    }

    @Test
    void plainHttpIsOnlyForTheLoopbackAndGetsNoToken() {
        ArmEndpoint local = ArmEndpoint.parse("http://127.0.0.1:8090");
        assertThat(local.plainLoopback()).isTrue();
        assertThat(ArmIdentity.of(local, "11111111-2222-3333-4444-555555555555", Map.of()))
                .isEqualTo(new ArmIdentity.None());
        assertThat(new ArmIdentity.None().credential()).isNull();
        assertThatThrownBy(() -> ArmEndpoint.parse("http://management.example.com"))
                .hasMessageContaining("plain http is only for a local endpoint");
        assertThatThrownBy(() -> ArmEndpoint.parse("ftp://x")).hasMessageContaining("not an http(s) URL");
    }

    @Test
    void aClientIdChoosesThatManagedIdentityElseWorkloadIdentityElseTheDefaultChain() {
        assertThat(ArmIdentity.of(ArmEndpoint.DEFAULT, " 11111111-2222-3333-4444-555555555555 ", Map.of()))
                .isEqualTo(new ArmIdentity.ManagedIdentity("11111111-2222-3333-4444-555555555555"));
        assertThat(ArmIdentity.of(ArmEndpoint.DEFAULT, null, Map.of("AZURE_FEDERATED_TOKEN_FILE", "/var/run/token")))
                .isEqualTo(new ArmIdentity.WorkloadIdentity());
        assertThat(ArmIdentity.of(ArmEndpoint.DEFAULT, "", Map.of())).isEqualTo(new ArmIdentity.DefaultChain());
    }

    @Test
    void eachIdentitySaysHowItSignsInWithTheOptionThatChoosesIt() {
        assertThat(new ArmIdentity.ManagedIdentity("1111").signsInWith()).isEqualTo("managed identity 1111"
                + " (--arm-managed-identity-client-id): it signs in only on an Azure VM or AKS node that has this identity assigned");
        assertThat(new ArmIdentity.DefaultChain().signsInWith()).startsWith("the default Azure credential: run az login")
                .endsWith("give --arm-endpoint the Azure Resource Manager that adxfed emulator prints)");
        assertThat(new ArmIdentity.None().signsInWith()).isEqualTo("no sign-in (plain http)");
    }
}
