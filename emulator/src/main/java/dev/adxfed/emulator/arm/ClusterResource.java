package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.VirtualCluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A Microsoft.Kusto cluster as ARM describes it: the owner's choice ({@link ClusterSpec}), its provisioning
 * state and state, its ARM databases, and once Running the virtual cluster that serves it. Guarded by
 * {@link KustoResources}' lock.
 */
final class ClusterResource {

    private final String subscription;
    private final String resourceGroup;
    private final String name;
    private final Map<String, DatabaseResource> databases = new TreeMap<>();
    private ClusterSpec spec;
    private String provisioningState = "Creating";
    private String state = "Creating";
    private VirtualCluster served;
    private LongRunningOperation running;

    ClusterResource(String subscription, String resourceGroup, String name, ClusterSpec spec) {
        this.subscription = subscription;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.spec = spec;
    }

    String id() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Kusto/Clusters/" + name;
    }

    String name() {
        return name;
    }

    String subscription() {
        return subscription;
    }

    String resourceGroup() {
        return resourceGroup;
    }

    ClusterSpec spec() {
        return spec;
    }

    void spec(ClusterSpec chosen) {
        spec = chosen;
    }

    String provisioningState() {
        return provisioningState;
    }

    String state() {
        return state;
    }

    void states(String provisioning, String clusterState) {
        provisioningState = provisioning;
        state = clusterState;
    }

    Optional<VirtualCluster> served() {
        return Optional.ofNullable(served);
    }

    void served(VirtualCluster cluster) {
        served = cluster;
    }

    /** The operation changing this cluster now, if one is in progress. */
    Optional<LongRunningOperation> running() {
        return Optional.ofNullable(running).filter(op -> !op.done());
    }

    void running(LongRunningOperation operation) {
        running = operation;
    }

    boolean in(String subscriptionId, String group) {
        return subscription.equalsIgnoreCase(subscriptionId) && resourceGroup.equalsIgnoreCase(group);
    }

    Optional<DatabaseResource> database(String databaseName) {
        return Optional.ofNullable(databases.get(databaseName.toLowerCase(Locale.ROOT)));
    }

    void put(DatabaseResource database) {
        databases.put(database.name().toLowerCase(Locale.ROOT), database);
    }

    void remove(DatabaseResource database) {
        databases.remove(database.name().toLowerCase(Locale.ROOT), database);
    }

    Collection<DatabaseResource> databases() {
        return databases.values();
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id());
        node.put("name", name);
        node.put("type", "Microsoft.Kusto/Clusters");
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        spec.write(node, properties);
        writeIdentity(node);
        properties.put("provisioningState", provisioningState);
        properties.put("state", state);
        if (served != null && state.equals("Running")) {
            properties.put("uri", served.url());
            properties.put("dataIngestionUri", served.url());
        }
        node.set("properties", properties);
        return node;
    }

    private void writeIdentity(ObjectNode node) {
        ClusterSpec.Identity identity = spec.identity();
        if (identity.type().equals("None")) {
            return;
        }
        ObjectNode out = node.putObject("identity");
        out.put("type", identity.type());
        if (identity.systemAssigned()) {
            out.put("principalId", stableId("principal " + id()).toString());
            out.put("tenantId", stableId("tenant " + subscription).toString());
        }
        if (!identity.userAssignedIdentities().isEmpty()) {
            ObjectNode users = out.putObject("userAssignedIdentities");
            for (String user : identity.userAssignedIdentities()) {
                users.putObject(user).put("principalId", stableId("principal " + user).toString())
                        .put("clientId", stableId("client " + user).toString());
            }
        }
    }

    /** The same id for the same thing across requests and restarts, as Azure keeps an identity's ids. */
    private static UUID stableId(String what) {
        return UUID.nameUUIDFromBytes(what.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
