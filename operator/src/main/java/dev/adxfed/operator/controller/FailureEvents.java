package dev.adxfed.operator.controller;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Warning Event on an ADXCluster when its condition turns False or changes reason, so that
 * {@code kubectl describe} and event exporters show failures. One Event per change, not per pass: a
 * resource failing the same way every retry records it once, judged from the condition it had and,
 * while its status cannot be written, from the last reason recorded here.
 */
final class FailureEvents {

    static final String COMPONENT = "adxfed-operator";

    private static final Logger LOG = LoggerFactory.getLogger(FailureEvents.class);

    private final Clock clock;
    private final String instance;
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    /** @param instance this replica's name, in the Event's reportingInstance */
    FailureEvents(Clock clock, String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    void decided(KubernetesClient client, ADXCluster cluster, StatusDecision.Decision decision) {
        String uid = Objects.requireNonNullElse(cluster.getMetadata().getUid(),
                cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName());
        Condition now = decision.condition();
        if ("True".equals(now.getStatus())) {
            recorded.remove(uid);
            return;
        }
        if (now.getReason().equals(previousFailure(cluster)) || now.getReason().equals(recorded.get(uid))) {
            return;
        }
        try {
            client.v1().events().inNamespace(cluster.getMetadata().getNamespace()).resource(event(cluster, now)).create();
            recorded.put(uid, now.getReason());
        } catch (KubernetesClientException e) {
            LOG.warn("ADXCluster {}/{}: could not record the {} Event (HTTP {}): {}", cluster.getMetadata().getNamespace(),
                    cluster.getMetadata().getName(), now.getReason(), e.getCode(), e.getMessage());
        }
    }

    /** The reason of the condition the resource has, when it is already False. */
    private static String previousFailure(ADXCluster cluster) {
        ADXClusterStatus status = cluster.getStatus();
        if (status == null || status.conditions == null) {
            return null;
        }
        return status.conditions.stream().filter(c -> ADXClusterStatus.CONDITION_TYPE.equals(c.getType())
                        && "False".equals(c.getStatus())).map(Condition::getReason).findFirst().orElse(null);
    }

    private Event event(ADXCluster cluster, Condition condition) {
        Instant at = clock.instant();
        return new EventBuilder()
                .withNewMetadata()
                .withName(cluster.getMetadata().getName() + "." + Long.toHexString(at.getEpochSecond() * 1_000_000_000L + at.getNano()))
                .withNamespace(cluster.getMetadata().getNamespace())
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(cluster.getApiVersion())
                        .withKind(cluster.getKind()).withNamespace(cluster.getMetadata().getNamespace())
                        .withName(cluster.getMetadata().getName()).withUid(cluster.getMetadata().getUid())
                        .withResourceVersion(cluster.getMetadata().getResourceVersion()).build())
                .withType("Warning")
                .withReason(condition.getReason())
                .withMessage(condition.getMessage())
                .withFirstTimestamp(at.toString())
                .withLastTimestamp(at.toString())
                .withCount(1)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .withReportingInstance(instance)
                .build();
    }
}
