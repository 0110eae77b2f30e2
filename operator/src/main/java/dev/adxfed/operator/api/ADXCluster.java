package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An Azure Data Explorer cluster the operator looks after: a partition that heartbeats its schema to
 * federated hubs, or a hub that federates its partitions. Group, version and fields match
 * Azure/adx-mon's ADXCluster so resources written for it keep working.
 */
@Group(ADXCluster.GROUP)
@Version(ADXCluster.VERSION)
@JsonClassDescription("An Azure Data Explorer cluster: a partition that heartbeats its schema to federated"
        + " clusters, or a federated cluster that keeps entity groups and functions over its partitions.")
public class ADXCluster extends CustomResource<ADXClusterSpec, ADXClusterStatus> implements Namespaced {

    public static final String GROUP = "adx-mon.azure.com";
    public static final String VERSION = "v1";

    @Override
    protected ADXClusterStatus initStatus() {
        return new ADXClusterStatus();
    }
}
