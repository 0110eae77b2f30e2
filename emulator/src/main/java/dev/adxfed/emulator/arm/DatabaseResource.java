package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ReadWrite database as ARM describes it: its retention and its provisioning state. The database itself
 * is in the catalog of the cluster's virtual cluster once its creation has succeeded. Guarded by
 * {@link KustoResources}' lock.
 */
final class DatabaseResource {

    private final ClusterResource cluster;
    private final String name;
    private final String location;
    private String softDeletePeriod;
    private String hotCachePeriod;
    private String provisioningState;

    DatabaseResource(ClusterResource cluster, String name, String location) {
        this.cluster = cluster;
        this.name = name;
        this.location = location;
    }

    String name() {
        return name;
    }

    String provisioningState() {
        return provisioningState;
    }

    void provisioningState(String state) {
        provisioningState = state;
    }

    void retention(String softDelete, String hotCache) {
        softDeletePeriod = softDelete;
        hotCachePeriod = hotCache;
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", cluster.id() + "/Databases/" + name);
        node.put("name", cluster.name() + "/" + name);
        node.put("type", "Microsoft.Kusto/Clusters/Databases");
        node.put("location", location);
        node.put("kind", "ReadWrite");
        ObjectNode properties = node.putObject("properties");
        properties.put("provisioningState", provisioningState);
        if (softDeletePeriod != null) {
            properties.put("softDeletePeriod", softDeletePeriod);
        }
        if (hotCachePeriod != null) {
            properties.put("hotCachePeriod", hotCachePeriod);
        }
        properties.putObject("statistics").put("size", 0.0);
        properties.put("isFollowed", false);
        return node;
    }
}
