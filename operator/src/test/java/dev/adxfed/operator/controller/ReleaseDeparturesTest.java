package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseDeparturesTest {

    final OnUpdateFilter<ADXCluster> filter = ReleaseDepartures.updateFilter();

    static ADXCluster hub(long generation, String release) {
        ADXCluster hub = new ADXCluster();
        hub.setMetadata(new ObjectMetaBuilder().withName("hub").withNamespace("adx-mon").withGeneration(generation)
                .withAnnotations(release == null ? Map.of("team", "obs") : Map.of("team", "obs",
                        ReleaseDepartures.ANNOTATION, release)).build());
        return hub;
    }

    @Test
    void aSpecChangeOrASetAnnotationStartsAPassAndNothingElseDoes() {
        assertThat(filter.accept(hub(2, null), hub(1, null))).as("new generation").isTrue();
        assertThat(filter.accept(hub(1, "true"), hub(1, null))).as("annotation set").isTrue();
        assertThat(filter.accept(hub(1, "2026-12-01T20:00Z"), hub(1, "2026-11-30T08:00Z"))).as("set again").isTrue();
        assertThat(filter.accept(hub(1, null), hub(1, null))).as("the operator's own status patch").isFalse();
        assertThat(filter.accept(hub(1, null), hub(1, "true"))).as("the operator removing it").isFalse();
        assertThat(filter.accept(hub(1, "false"), hub(1, null))).as("set to false").isFalse();
    }

    @Test
    void anyValueButFalseRequestsARelease() {
        assertThat(ReleaseDepartures.requested(hub(1, "true"))).isTrue();
        assertThat(ReleaseDepartures.requested(hub(1, ""))).isTrue();
        assertThat(ReleaseDepartures.requested(hub(1, " False "))).isFalse();
        assertThat(ReleaseDepartures.requested(hub(1, null))).isFalse();
    }
}
