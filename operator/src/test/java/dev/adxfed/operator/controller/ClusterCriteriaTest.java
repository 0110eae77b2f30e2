package dev.adxfed.operator.controller;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterCriteriaTest {

    final ClusterCriteria criteria = new ClusterCriteria(Map.of("region", "westeurope", "environment", "prod",
            "tenant", "contoso"));

    @Test
    void noExpressionMatchesEveryCluster() {
        assertThat(criteria.evaluate(null)).isInstanceOf(ClusterCriteria.Verdict.Matches.class);
        assertThat(criteria.evaluate("  ")).isInstanceOf(ClusterCriteria.Verdict.Matches.class);
    }

    @Test
    void expressionsSeeTheStandardAndTheExtraLabels() {
        assertThat(criteria.evaluate("region in ['westeurope', 'northeurope'] && environment == 'prod'"))
                .isInstanceOf(ClusterCriteria.Verdict.Matches.class);
        assertThat(criteria.evaluate("tenant == 'contoso' && cloud == ''"))
                .as("cloud not given: an empty string").isInstanceOf(ClusterCriteria.Verdict.Matches.class);
        assertThat(criteria.evaluate("region == 'eastus'")).isInstanceOf(ClusterCriteria.Verdict.NoMatch.class);
    }

    @Test
    void anUnknownLabelIsAnErrorNamingItAndTheKnownOnes() {
        ClusterCriteria.Verdict verdict = criteria.evaluate("regoin == 'westeurope'");

        assertThat(verdict).isInstanceOf(ClusterCriteria.Verdict.Invalid.class);
        assertThat(((ClusterCriteria.Verdict.Invalid) verdict).message())
                .contains("undeclared reference to 'regoin'").contains("cloud, environment, region, tenant");
    }

    @Test
    void syntaxErrorsAndNonBooleanResultsAreErrors() {
        assertThat(criteria.evaluate("region == ")).isInstanceOf(ClusterCriteria.Verdict.Invalid.class);
        ClusterCriteria.Verdict text = criteria.evaluate("region + '-x'");
        assertThat(text).isInstanceOf(ClusterCriteria.Verdict.Invalid.class);
        assertThat(((ClusterCriteria.Verdict.Invalid) text).message()).contains("not a bool");
    }

    @Test
    void aCompiledExpressionIsReusedAndEvaluatesQuickly() {
        String expression = "region.startsWith('west') || environment == 'dev'";
        criteria.evaluate(expression);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertThat(criteria.evaluate(expression)).isInstanceOf(ClusterCriteria.Verdict.Matches.class);
        }
        // Compiling costs milliseconds each time; a thousand evaluations of a cached program take far less than a second.
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
