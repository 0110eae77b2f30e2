package dev.adxfed.operator.controller;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the leader-election Lease over on shutdown. JOSDK (5.2.3) cancels its elector without releasing
 * the Lease, so the other replica would wait out the lease duration; clearing the holder lets it take the
 * Lease at its next retry. Only a Lease this replica still holds is touched, and the update carries its
 * resourceVersion, so a Lease another replica took meanwhile is left alone.
 */
final class LeaseRelease {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRelease.class);

    private final KubernetesClient client;
    private final String name;
    private final String namespace;
    private final String identity;

    LeaseRelease(KubernetesClient client, String name, String namespace, String identity) {
        this.client = client;
        this.name = name;
        this.namespace = namespace;
        this.identity = identity;
    }

    void release() {
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(name).get();
            if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            client.leases().inNamespace(namespace).resource(lease).update();
            LOG.info("released the Lease {}/{}: another replica can take it at once", namespace, name);
        } catch (KubernetesClientException e) {
            LOG.warn("could not release the Lease {}/{} (HTTP {}); another replica takes it when it expires: {}",
                    namespace, name, e.getCode(), e.getMessage());
        }
    }
}
