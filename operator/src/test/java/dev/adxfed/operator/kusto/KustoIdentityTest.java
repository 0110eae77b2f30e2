package dev.adxfed.operator.kusto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KustoIdentityTest {

    static final String AZURE = "https://hub.westeurope.kusto.windows.net";

    @Test
    void anAbsentOrEmptyClientIdSignsInWithTheDefaultCredentialChain() {
        assertThat(KustoIdentity.of(AZURE, null)).isEqualTo(new KustoIdentity.DefaultChain());
        assertThat(KustoIdentity.of(AZURE, "")).isEqualTo(new KustoIdentity.DefaultChain());
        assertThat(KustoIdentity.of(AZURE, "  ")).isEqualTo(new KustoIdentity.DefaultChain());
    }

    @Test
    void aClientIdNamesTheUserAssignedIdentity() {
        assertThat(KustoIdentity.of(AZURE, " 11111111-2222-3333-4444-555555555555 "))
                .isEqualTo(new KustoIdentity.ManagedIdentity("11111111-2222-3333-4444-555555555555"));
    }

    @Test
    void plainHttpTakesNoTokenWhateverTheClientId() {
        assertThat(KustoIdentity.of("http://127.0.0.1:8080", null)).isEqualTo(new KustoIdentity.None());
        assertThat(KustoIdentity.of("HTTP://emulator:8080", "11111111-2222-3333-4444-555555555555"))
                .isEqualTo(new KustoIdentity.None());
    }
}
