package dev.adxfed.operator.controller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriteriaExpressionTest {

    final CriteriaExpression criteria = new CriteriaExpression(
            ClusterLabels.parse("westeurope", "prod", "public", "team=obs, tier = gold"));

    @Test
    void emptyExpressionAlwaysReconciles() {
        assertThat(criteria.evaluate("")).isInstanceOf(CriteriaExpression.Verdict.Reconcile.class);
        assertThat(criteria.evaluate(null)).isInstanceOf(CriteriaExpression.Verdict.Reconcile.class);
    }

    @Test
    void expressionsSeeEveryLabelAsAString() {
        assertThat(criteria.evaluate("region in ['eastus', 'westeurope'] && environment == 'prod'"))
                .isInstanceOf(CriteriaExpression.Verdict.Reconcile.class);
        assertThat(criteria.evaluate("team == 'obs' && tier == 'gold' && cloud == 'public'"))
                .isInstanceOf(CriteriaExpression.Verdict.Reconcile.class);
        assertThat(criteria.evaluate("region == 'eastus'")).isInstanceOf(CriteriaExpression.Verdict.Skip.class);
    }

    @Test
    void unknownLabelsAndNonBooleanResultsAreErrorsNamingTheProblem() {
        assertThat(criteria.evaluate("zone == 'a'")).isInstanceOfSatisfying(CriteriaExpression.Verdict.Invalid.class,
                v -> assertThat(v.message()).startsWith("criteriaExpression does not compile").contains("zone"));
        assertThat(criteria.evaluate("region")).isInstanceOf(CriteriaExpression.Verdict.Invalid.class);
        assertThat(criteria.evaluate("region ==")).isInstanceOf(CriteriaExpression.Verdict.Invalid.class);
    }

    @Test
    void labelsThatCannotBeCelVariablesAreRefused() {
        assertThatThrownBy(() -> ClusterLabels.parse(null, null, null, "k8s-version=1.30"))
                .hasMessageContaining("cluster label 'k8s-version' is not a CEL variable name");
        assertThatThrownBy(() -> ClusterLabels.parse(null, null, null, "novalue"))
                .hasMessageContaining("--cluster-labels: 'novalue' is not key=value");
    }
}
