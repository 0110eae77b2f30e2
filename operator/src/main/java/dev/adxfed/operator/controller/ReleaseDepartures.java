package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;

/**
 * The annotation a person sets on a Federated ADXCluster to release the departures the guard holds:
 * {@code kubectl annotate adxcluster hub adxfed.dev/release-departures=true}. The next pass removes
 * the silent partitions whatever their share, then the operator removes the annotation, so that it
 * acts once and the guard protects the hub again afterwards.
 */
final class ReleaseDepartures {

    static final String ANNOTATION = "adxfed.dev/release-departures";

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseDepartures.class);

    private ReleaseDepartures() {}

    /** Set to anything but "false" (kubectl annotate needs a value; "true" or a date both do). */
    static boolean requested(HasMetadata resource) {
        String value = value(resource);
        return value != null && !"false".equalsIgnoreCase(value.strip());
    }

    private static String value(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ANNOTATION);
    }

    /**
     * Which updates start a reconcile: a new generation (a spec change, as JOSDK does by default), or
     * the annotation being set, so that a release does not wait for the next interval. The
     * operator's own status patches and its removal of the annotation start none.
     */
    static <R extends HasMetadata> OnUpdateFilter<R> updateFilter() {
        return (newResource, oldResource) -> !Objects.equals(newResource.getMetadata().getGeneration(),
                oldResource.getMetadata().getGeneration())
                || (requested(newResource) && !Objects.equals(value(newResource), value(oldResource)));
    }

    /** Removes the annotation after the pass that acted on it; a failure leaves it, and the guard off, until it works. */
    static void consumed(KubernetesClient client, ADXCluster cluster) {
        String name = cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
        try {
            client.resources(ADXCluster.class).inNamespace(cluster.getMetadata().getNamespace())
                    .withName(cluster.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/metadata/annotations/"
                            + ANNOTATION.replace("~", "~0").replace("/", "~1") + "\"}]");
            LOG.info("ADXCluster {}: held departures released; removed the {} annotation", name, ANNOTATION);
        } catch (KubernetesClientException e) {
            LOG.warn("ADXCluster {}: held departures released, but the {} annotation could not be removed (the"
                    + " operator needs patch on adxclusters): departures are released on every pass until it is"
                    + " removed: {}", name, ANNOTATION, e.getMessage());
        }
    }
}
