package dev.adxfed.operator.monitoring;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromQlReferencesTest {

    @Test
    void aggregationsFunctionsAndRangesAreNotMetrics() {
        PromQlReferences refs = PromQlReferences.of(
                "sum by (target, result) (increase(adxfed_heartbeats_sent_total{result=\"failure\"}[30m])) > 0");

        assertThat(refs.matchedLabels()).isEqualTo(Map.of("adxfed_heartbeats_sent_total", Set.of("result")));
        assertThat(refs.groupingLabels()).containsExactlyInAnyOrder("target", "result");
    }

    @Test
    void bothSidesOfABinaryOperationAndTheGroupingAfterTheAggregation() {
        PromQlReferences refs = PromQlReferences.of("sum(rate(a_sum[$__rate_interval])) by (role) / on (role) group_left"
                + " sum by (role) (rate(a_count{role=~\"Fed.*\", stage!=\"x\"}[5m] offset 1h)) and b unless c_total > bool 2");

        assertThat(refs.metrics()).containsExactly("a_count", "a_sum", "b", "c_total");
        assertThat(refs.matchedLabels().get("a_count")).containsExactly("role", "stage");
        assertThat(refs.matchedLabels().get("a_sum")).isEmpty();
        assertThat(refs.groupingLabels()).containsExactly("role");
    }

    @Test
    void stringsAndGrafanaVariablesHideNothingAndAddNothing() {
        PromQlReferences refs = PromQlReferences.of("max by (hub) (adxfed_partitions_live{hub=~\"$hub\", database='it\\'s,}'})"
                + " - label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\") * ${factor}");

        assertThat(refs.metrics()).containsExactly("adxfed_partitions_live", "up");
        assertThat(refs.matchedLabels().get("adxfed_partitions_live")).containsExactly("database", "hub");
    }

    @Test
    void aMetricNamedOnlyInsideTheSelectorAndNumbersInEveryForm() {
        PromQlReferences refs = PromQlReferences.of("{__name__=\"x_total\", job=\"a\"} * 1e3 + 0.5 - .25 > 0x1F");

        assertThat(refs.matchedLabels()).isEqualTo(Map.of("x_total", Set.of("job")));
    }

    @Test
    void subqueriesAndColonNames() {
        PromQlReferences refs = PromQlReferences.of("max_over_time(job:rate5m{hub=\"h\"}[1h:5m]) < ignoring (pod) min(y)");

        assertThat(refs.metrics()).containsExactly("job:rate5m", "y");
        assertThat(refs.groupingLabels()).containsExactly("pod");
    }

    @Test
    void brokenExpressionsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> PromQlReferences.of("sum(x{a=\"b\")"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> PromQlReferences.of("{job=\"a\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a metric name");
    }
}
