package dev.adxfed.operator.api;

import dev.adxfed.operator.federation.FederationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

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
        assertThat(spec.skipUnreachablePartitions()).isTrue();
        assertThat(spec.effectiveFunctionFolder()).isEqualTo("adxfed");
        assertThat(spec.effectiveCleanupStaleFunctions()).isTrue();
        assertThat(spec.effectiveMaxDepartingFraction()).isEqualTo(0.5);
        assertThat(spec.departureHoldTime()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void badGuardSettingsNameTheField() {
        FederationSpec spec = new FederationSpec();
        spec.maxDepartingFraction = 1.5;
        spec.departureHoldTime = "6 hours";
        assertThatThrownBy(spec::effectiveMaxDepartingFraction).hasMessage(
                "spec.federation.maxDepartingFraction: 1.5 is not between 0 and 1");
        assertThatThrownBy(spec::departureHoldTime).hasMessageStartingWith("spec.federation.departureHoldTime: '6 hours'");
    }

    @Test
    void blockedClustersAreNormalizedAndABadEntryOrAnIncompleteFunctionIsInvalid() {
        FederationSpec spec = new FederationSpec();
        spec.blockedClusters = new BlockedClusters();
        spec.blockedClusters.staticEndpoints = List.of("HTTPS://Old.Kusto.Windows.Net/");
        assertThat(FederationSettings.of(spec).blockedEndpoints()).containsExactly("https://old.kusto.windows.net");

        spec.blockedClusters.staticEndpoints = List.of("old.kusto.windows.net");
        assertThatThrownBy(() -> FederationSettings.of(spec)).hasMessageStartingWith(
                "spec.federation.blockedClusters.static: 'old.kusto.windows.net': ClusterEndpoint is not an http(s) URL");

        spec.blockedClusters.staticEndpoints = null;
        spec.blockedClusters.kustoFunction = new KustoFunctionReference();
        spec.blockedClusters.kustoFunction.database = "Ops";
        assertThatThrownBy(() -> FederationSettings.of(spec)).hasMessage(
                "spec.federation.blockedClusters.kustoFunction.name is empty");
    }

    @Test
    void functionMembersIsInlineUnlessSetToEntityGroupAndAnotherValueNamesTheField() {
        FederationSpec spec = new FederationSpec();
        assertThat(FederationSettings.of(spec).overEntityGroups()).isFalse();
        spec.functionMembers = "entityGroup";
        assertThat(FederationSettings.of(spec).overEntityGroups()).isTrue();
        spec.functionMembers = "groups";
        assertThatThrownBy(() -> FederationSettings.of(spec)).hasMessage(
                "spec.federation.functionMembers: 'groups' is neither inline nor entityGroup");
    }

    @Test
    void functionsSkipUnreachablePartitionsUnlessSetToFailAndTheDeprecatedFuzzyFunctionsIsIgnored() {
        FederationSpec spec = new FederationSpec();
        spec.fuzzyFunctions = false;
        assertThat(FederationSettings.of(spec).skipUnreachable()).as("false as the old CRD default stored it").isTrue();
        spec.unreachablePartitions = "fail";
        spec.fuzzyFunctions = true;
        assertThat(FederationSettings.of(spec).skipUnreachable()).isFalse();
        spec.unreachablePartitions = "ignore";
        assertThatThrownBy(() -> FederationSettings.of(spec)).hasMessage(
                "spec.federation.unreachablePartitions: 'ignore' is neither skip nor fail");
    }
}
