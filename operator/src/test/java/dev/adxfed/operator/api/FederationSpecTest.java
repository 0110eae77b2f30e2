package dev.adxfed.operator.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederationSpecTest {

    @ParameterizedTest
    @CsvSource({"1h, PT1H", "90m, PT1H30M", "1h30m, PT1H30M", "2h0m15s, PT2H15S", "45s, PT45S"})
    void heartbeatTtlReadsHoursMinutesAndSeconds(String text, Duration expected) {
        FederationSpec spec = new FederationSpec();
        spec.heartbeatTTL = text;
        assertThat(spec.heartbeatTtl()).isEqualTo(expected);
    }

    @Test
    void unsetHeartbeatTtlIsOneHourAsTheCrdDefault() {
        assertThat(new FederationSpec().heartbeatTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void malformedHeartbeatTtlNamesTheFieldAndValue() {
        FederationSpec spec = new FederationSpec();
        spec.heartbeatTTL = "1d";
        assertThatThrownBy(spec::heartbeatTtl).hasMessageContaining("spec.federation.heartbeatTTL")
                .hasMessageContaining("'1d'");
        spec.heartbeatTTL = "0h0m";
        assertThatThrownBy(spec::heartbeatTtl).hasMessageContaining("is zero");
    }

    @Test
    void unsetFederationSwitchesTakeTheirDefaults() {
        FederationSpec spec = new FederationSpec();
        assertThat(spec.effectiveEntityGroupNamePattern()).isEqualTo("{database}_Partitions");
        assertThat(spec.effectiveCleanupStaleEntityGroups()).isTrue();
        assertThat(spec.effectiveFuzzyFunctions()).isFalse();
    }
}
