package dev.adxfed.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
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
// What `kubectl get adxclusters` shows after NAME, in this order (fabric8's generator sorts the columns by path;
// GeneratedCrd in the tests restores this order); Ready and Reason come from the operator's own condition.
@AdditionalPrinterColumn(name = "Role", jsonPath = ".spec.role", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Partition (also when unset) or Federated.")
@AdditionalPrinterColumn(name = "Endpoint", jsonPath = ".status.endpoint", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "The Kusto endpoint in use.")
@AdditionalPrinterColumn(name = "Partitions", jsonPath = ".status.federation.partitions",
        type = AdditionalPrinterColumn.Type.INTEGER, getDescription = "Federated: live member partitions.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"" + ADXClusterStatus.CONDITION_TYPE
        + "\")].status", type = AdditionalPrinterColumn.Type.STRING, getDescription = "The condition's status.")
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"" + ADXClusterStatus.CONDITION_TYPE
        + "\")].reason", type = AdditionalPrinterColumn.Type.STRING, getDescription = "The condition's reason.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
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
