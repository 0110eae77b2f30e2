package dev.adxfed.operator.kusto;

import dev.adxfed.emulator.Emulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SdkKustoTest {

    @Test
    void aResultOverKustosLimitFailsWithKustosOwnTextNotTheSdksGenericOne() throws Exception {
        try (Emulator emulator = Emulator.startClusters(1)) {
            Kusto kusto = new KustoClients(StageTimeouts.all(Duration.ofSeconds(30))).connect(emulator.endpoint().toString(), null);

            KustoException e = catchThrowableOfType(KustoException.class, () -> kusto.query(Stage.HEARTBEAT_READ, "NetDefaultDB",
                    "set truncationmaxrecords = 2;\nrange x from 1 to 3 step 1", row -> { }));

            assertThat(e.getMessage()).contains("heartbeat.read")
                    .contains("LimitsExceeded: Query execution has exceeded the allowed limits (80DA0003): Query result set has"
                            + " exceeded the internal record count limit 2 (E_QUERY_RESULT_SET_TOO_LARGE).")
                    .doesNotContain("Request is invalid and cannot be executed");
        }
    }
}
