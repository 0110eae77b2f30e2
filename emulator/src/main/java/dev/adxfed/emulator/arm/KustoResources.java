package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.ClusterHost;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.VirtualCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Azure that the local ARM endpoint stands for: per subscription, whether Microsoft.Kusto is registered
 * and its resource groups; the Kusto clusters (their names are unique across Azure) with their databases;
 * and the long-running operations that make and change them. A cluster's creation starts a virtual cluster
 * of the {@link ClusterHost}, and a database's creation makes the database in that cluster's catalog, when
 * the operation's provisioning delay is over. One lock guards it all.
 */
final class KustoResources {

    private static final Logger LOG = LoggerFactory.getLogger(KustoResources.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record ResourceGroup(String subscription, String name, String location, JsonNode tags) {
        ObjectNode json() {
            ObjectNode node = JSON.objectNode();
            node.put("id", "/subscriptions/" + subscription + "/resourceGroups/" + name);
            node.put("name", name);
            node.put("type", "Microsoft.Resources/resourceGroups");
            node.put("location", location);
            node.set("tags", tags == null ? JSON.objectNode() : tags);
            node.putObject("properties").put("provisioningState", "Succeeded");
            return node;
        }
    }

    private final ClusterHost host;
    private final ScheduledExecutorService scheduler;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> registrations = new HashMap<>();
    private final Map<String, ResourceGroup> resourceGroups = new HashMap<>();
    private final Map<String, ClusterResource> clusters = new TreeMap<>();
    private final Map<String, LongRunningOperation> operations = new HashMap<>();
    private Duration provisioningDelay;

    KustoResources(ClusterHost host, ScheduledExecutorService scheduler, Duration provisioningDelay) {
        this.host = host;
        this.scheduler = scheduler;
        this.provisioningDelay = provisioningDelay;
    }

    synchronized void provisioningDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the provisioning delay cannot be negative, got " + delay);
        }
        provisioningDelay = delay;
    }

    synchronized Duration provisioningDelay() {
        return provisioningDelay;
    }

    // --- Microsoft.Resources: provider registration and resource groups

    synchronized ArmResponse provider(String subscription) {
        return ArmResponse.ok(providerJson(subscription));
    }

    /** Registration takes the provisioning delay, as Azure's takes a while: Registering, then Registered. */
    synchronized ArmResponse register(String subscription) {
        registrations.putIfAbsent(key(subscription), clock.instant().plus(provisioningDelay));
        return ArmResponse.ok(providerJson(subscription));
    }

    private ObjectNode providerJson(String subscription) {
        ObjectNode node = JSON.objectNode();
        node.put("id", "/subscriptions/" + subscription + "/providers/Microsoft.Kusto");
        node.put("namespace", "Microsoft.Kusto");
        node.put("registrationState", registrationState(subscription));
        node.put("registrationPolicy", "RegistrationRequired");
        ArrayNode types = node.putArray("resourceTypes");
        for (String type : List.of("clusters", "clusters/databases", "locations/checkNameAvailability", "locations/operationResults")) {
            ObjectNode t = types.addObject();
            t.put("resourceType", type);
            ArrayNode versions = t.putArray("apiVersions");
            ArmEndpoint.KUSTO_API_VERSIONS.forEach(versions::add);
        }
        return node;
    }

    private String registrationState(String subscription) {
        Instant at = registrations.get(key(subscription));
        return at == null ? "NotRegistered" : clock.instant().isBefore(at) ? "Registering" : "Registered";
    }

    private void requireRegistered(String subscription) {
        if (!registrationState(subscription).equals("Registered")) {
            throw new ArmError(409, "MissingSubscriptionRegistration", "The subscription '" + subscription + "' is not registered to"
                    + " use namespace 'Microsoft.Kusto' (registration state: " + registrationState(subscription) + "): register it with"
                    + " POST /subscriptions/" + subscription + "/providers/Microsoft.Kusto/register and wait for Registered.");
        }
    }

    synchronized ArmResponse putResourceGroup(String subscription, String name, JsonNode body) {
        ArmNames.resourceGroupNameProblem(name).ifPresent(problem -> {
            throw new ArmError(400, "InvalidResourceGroup", problem);
        });
        if (body == null || !body.isObject()) {
            throw ArmError.invalidContent("the body must be a JSON object {\"location\": \"westus\"}");
        }
        JsonNode location = body.get("location");
        if (location == null || !location.isTextual() || location.asText().isBlank()) {
            throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
        }
        ResourceGroup existing = resourceGroups.get(key(subscription, name));
        if (existing != null && !ArmNames.sameLocation(existing.location(), location.asText())) {
            throw new ArmError(409, "InvalidResourceGroupLocation", "Resource group '" + existing.name() + "' already exists in"
                    + " location '" + existing.location() + "'; it cannot be created again in '" + location.asText() + "'.");
        }
        JsonNode tags = body.get("tags");
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            throw ArmError.invalidContent("tags must be an object of strings");
        }
        ResourceGroup group = new ResourceGroup(subscription, existing == null ? name : existing.name(),
                existing == null ? location.asText() : existing.location(), tags == null || tags.isNull() ? null : tags);
        resourceGroups.put(key(subscription, name), group);
        return ArmResponse.of(existing == null ? 201 : 200, group.json());
    }

    synchronized ArmResponse getResourceGroup(String subscription, String name) {
        return ArmResponse.ok(resourceGroup(subscription, name).json());
    }

    private ResourceGroup resourceGroup(String subscription, String name) {
        ResourceGroup group = resourceGroups.get(key(subscription, name));
        if (group == null) {
            throw ArmError.resourceGroupNotFound(name);
        }
        return group;
    }

    // --- Microsoft.Kusto clusters

    synchronized ArmResponse checkClusterName(String subscription, JsonNode body) {
        requireRegistered(subscription);
        String name = nameToCheck(body, "Microsoft.Kusto/clusters");
        Optional<String> problem = ArmNames.clusterNameProblem(name);
        if (problem.isPresent()) {
            return ArmResponse.ok(nameAvailability(name, problem.get(), "Invalid"));
        }
        if (clusterNameTaken(name)) {
            return ArmResponse.ok(nameAvailability(name, "Name '" + name + "' with type Microsoft.Kusto/clusters is already taken;"
                    + " choose another name", "AlreadyExists"));
        }
        return ArmResponse.ok(nameAvailability(name, null, null));
    }

    /** Cluster names are unique across Azure: here, across every subscription and the configured clusters. */
    private boolean clusterNameTaken(String name) {
        return clusters.containsKey(key(name)) || host.cluster(name).isPresent();
    }

    synchronized ArmResponse listClusters(String subscription, String resourceGroup) {
        if (resourceGroup != null) {
            resourceGroup(subscription, resourceGroup);
        }
        ArrayNode value = JSON.arrayNode();
        clusters.values().stream()
                .filter(c -> c.subscription().equalsIgnoreCase(subscription)
                        && (resourceGroup == null || c.resourceGroup().equalsIgnoreCase(resourceGroup)))
                .forEach(c -> value.add(c.json()));
        return ArmResponse.ok(JSON.objectNode().set("value", value));
    }

    synchronized ArmResponse getCluster(String subscription, String resourceGroup, String name) {
        return ArmResponse.ok(cluster(subscription, resourceGroup, name).json());
    }

    private ClusterResource cluster(String subscription, String resourceGroup, String name) {
        resourceGroup(subscription, resourceGroup);
        ClusterResource cluster = clusters.get(key(name));
        if (cluster == null || !cluster.in(subscription, resourceGroup)) {
            throw ArmError.resourceNotFound("Microsoft.Kusto/clusters", name, resourceGroup);
        }
        return cluster;
    }

    /** Creates the cluster (201), or replaces the owner's choice of an existing one (200); both run as an operation. */
    synchronized ArmResponse putCluster(String subscription, String resourceGroup, String name, JsonNode body) {
        requireRegistered(subscription);
        ResourceGroup group = resourceGroup(subscription, resourceGroup);
        ClusterSpec spec = ClusterSpec.create(body);
        ClusterResource existing = clusters.get(key(name));
        if (existing == null) {
            ArmNames.clusterNameProblem(name).ifPresent(problem -> {
                throw new ArmError(400, "InvalidResourceName", problem);
            });
            if (host.cluster(name).isPresent()) {
                throw ArmError.conflict("Name '" + name + "' with type Microsoft.Kusto/clusters is already taken; choose another name");
            }
            ClusterResource cluster = new ClusterResource(subscription, group.name(), name, spec);
            clusters.put(key(name), cluster);
            LongRunningOperation operation = provision(cluster, "ClusterCreateOrUpdate");
            return ArmResponse.started(201, cluster.json(), operation);
        }
        if (!existing.in(subscription, resourceGroup)) {
            throw ArmError.conflict("Name '" + name + "' with type Microsoft.Kusto/clusters is already taken; choose another name");
        }
        if (!ArmNames.sameLocation(existing.spec().location(), spec.location())) {
            throw new ArmError(409, "InvalidResourceLocation", "The resource '" + name + "' already exists in location '"
                    + existing.spec().location() + "' in resource group '" + existing.resourceGroup()
                    + "'. A resource with the same name cannot be created in location '" + spec.location() + "'.");
        }
        requireIdle(existing);
        existing.spec(spec);
        LongRunningOperation operation = provision(existing, "ClusterCreateOrUpdate");
        return ArmResponse.started(200, existing.json(), operation);
    }

    /** Changes what the body names (sku, identity, autoscale, ...), as an operation. */
    synchronized ArmResponse patchCluster(String subscription, String resourceGroup, String name, JsonNode body) {
        requireRegistered(subscription);
        ClusterResource cluster = cluster(subscription, resourceGroup, name);
        requireIdle(cluster);
        cluster.spec(cluster.spec().patch(body));
        LongRunningOperation operation = provision(cluster, "ClusterUpdate");
        return ArmResponse.started(200, cluster.json(), operation);
    }

    private static void requireIdle(ClusterResource cluster) {
        cluster.running().ifPresent(op -> {
            throw ArmError.conflict("Cluster '" + cluster.name() + "' is " + cluster.provisioningState()
                    + ": an operation is in progress on it; try again when it is over");
        });
    }

    /**
     * Creating or Updating until the delay is over; then the cluster runs (a new virtual cluster on a free port,
     * the first time) and is Succeeded, or is Failed when its virtual cluster cannot start.
     */
    private LongRunningOperation provision(ClusterResource cluster, String kind) {
        boolean creating = cluster.served().isEmpty();
        cluster.states(creating ? "Creating" : "Updating", creating ? "Creating" : cluster.state());
        LongRunningOperation operation = begin(cluster.subscription(), cluster.spec().location(), kind, cluster::json, () -> {
            if (cluster.served().isEmpty()) {
                try {
                    cluster.served(host.startProvisioned(cluster.name()));
                    LOG.info("Azure Resource Manager made cluster {} (subscription {}, resource group {}): {}", cluster.name(),
                            cluster.subscription(), cluster.resourceGroup(), cluster.served().orElseThrow().url());
                } catch (IOException | RuntimeException e) {
                    cluster.states("Failed", "Unavailable");
                    throw new ArmError(500, "InternalServerError", "the emulator could not start a virtual cluster for '"
                            + cluster.name() + "': " + e.getMessage());
                }
            }
            cluster.states("Succeeded", "Running");
        });
        cluster.running(operation);
        return operation;
    }

    // --- Microsoft.Kusto databases

    synchronized ArmResponse checkDatabaseName(String subscription, String resourceGroup, String clusterName, JsonNode body) {
        requireRegistered(subscription);
        ClusterResource cluster = cluster(subscription, resourceGroup, clusterName);
        String name = nameToCheck(body, "Microsoft.Kusto/clusters/databases");
        Optional<String> problem = ArmNames.databaseNameProblem(name);
        if (problem.isPresent()) {
            return ArmResponse.ok(nameAvailability(name, problem.get(), "Invalid"));
        }
        if (cluster.database(name).isPresent()) {
            return ArmResponse.ok(nameAvailability(name, "Name '" + name + "' with type Microsoft.Kusto/clusters/databases is already"
                    + " taken in cluster '" + cluster.name() + "'; choose another name", "AlreadyExists"));
        }
        return ArmResponse.ok(nameAvailability(name, null, null));
    }

    synchronized ArmResponse listDatabases(String subscription, String resourceGroup, String clusterName) {
        ArrayNode value = JSON.arrayNode();
        cluster(subscription, resourceGroup, clusterName).databases().forEach(d -> value.add(d.json()));
        return ArmResponse.ok(JSON.objectNode().set("value", value));
    }

    synchronized ArmResponse getDatabase(String subscription, String resourceGroup, String clusterName, String name) {
        return ArmResponse.ok(database(cluster(subscription, resourceGroup, clusterName), name).json());
    }

    private static DatabaseResource database(ClusterResource cluster, String name) {
        return cluster.database(name).orElseThrow(() -> ArmError.resourceNotFound("Microsoft.Kusto/clusters/databases",
                cluster.name() + "/" + name, cluster.resourceGroup()));
    }

    /**
     * Creates a ReadWrite database (201) or changes its retention (200), as an operation; it appears in the
     * cluster's {@code .show databases} when the operation succeeds.
     */
    synchronized ArmResponse putDatabase(String subscription, String resourceGroup, String clusterName, String name, JsonNode body) {
        requireRegistered(subscription);
        ClusterResource cluster = cluster(subscription, resourceGroup, clusterName);
        ArmNames.databaseNameProblem(name).ifPresent(problem -> {
            throw new ArmError(400, "InvalidResourceName", problem);
        });
        if (body == null || !body.isObject()) {
            throw ArmError.invalidContent("the body must be a JSON object {\"kind\": \"ReadWrite\", \"location\", \"properties\"}");
        }
        JsonNode kind = body.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw ArmError.badRequest("kind is required: ReadWrite (the emulator makes no ReadOnlyFollowing databases)");
        }
        if (!kind.asText().equalsIgnoreCase("ReadWrite")) {
            throw ArmError.badRequest("kind '" + kind.asText() + "' is not supported by the emulator: use ReadWrite");
        }
        JsonNode properties = body.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            throw ArmError.invalidContent("properties must be an object {softDeletePeriod, hotCachePeriod}");
        }
        String softDelete = period(properties, "softDeletePeriod");
        String hotCache = period(properties, "hotCachePeriod");
        if (!cluster.provisioningState().equals("Succeeded") || !cluster.state().equals("Running")) {
            throw ArmError.conflict("Cluster '" + cluster.name() + "' cannot take a database now: its provisioning state is "
                    + cluster.provisioningState() + " and its state " + cluster.state() + "; wait until it is Succeeded and Running");
        }
        Optional<DatabaseResource> existing = cluster.database(name);
        if (existing.isPresent() && !existing.get().provisioningState().equals("Succeeded")) {
            throw ArmError.conflict("Database '" + name + "' of cluster '" + cluster.name() + "' is "
                    + existing.get().provisioningState() + "; try again when that is over");
        }
        String location = body.hasNonNull("location") ? body.get("location").asText() : cluster.spec().location();
        DatabaseResource database = existing.orElseGet(() -> new DatabaseResource(cluster, name, location));
        database.retention(softDelete, hotCache);
        database.provisioningState(existing.isPresent() ? "Updating" : "Creating");
        cluster.put(database);
        VirtualCluster served = cluster.served().orElseThrow();
        LongRunningOperation operation = begin(subscription, cluster.spec().location(), "DatabaseCreateOrUpdate", database::json, () -> {
            try {
                served.catalog().createDatabase(database.name(), true, true);
            } catch (KustoError e) {
                database.provisioningState("Failed");
                throw new ArmError(400, "BadRequest", e.getMessage());
            }
            database.provisioningState("Succeeded");
        });
        return ArmResponse.started(existing.isPresent() ? 200 : 201, database.json(), operation);
    }

    /** Deletes a database (202, an operation) with its data; one that is not there is 204, as ARM answers. */
    synchronized ArmResponse deleteDatabase(String subscription, String resourceGroup, String clusterName, String name) {
        requireRegistered(subscription);
        ClusterResource cluster = cluster(subscription, resourceGroup, clusterName);
        Optional<DatabaseResource> existing = cluster.database(name);
        if (existing.isEmpty()) {
            return ArmResponse.of(204, null);
        }
        DatabaseResource database = existing.get();
        if (!database.provisioningState().equals("Succeeded") && !database.provisioningState().equals("Failed")) {
            throw ArmError.conflict("Database '" + database.name() + "' of cluster '" + cluster.name() + "' is "
                    + database.provisioningState() + "; try again when that is over");
        }
        database.provisioningState("Deleting");
        LongRunningOperation operation = begin(subscription, cluster.spec().location(), "DatabaseDelete", null, () -> {
            cluster.served().ifPresent(served -> served.catalog().dropDatabase(database.name()));
            cluster.remove(database);
        });
        return ArmResponse.started(202, null, operation);
    }

    private static String period(JsonNode properties, String field) {
        JsonNode value = properties == null || properties.isNull() ? null : properties.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (!value.isTextual() || Duration.parse(value.asText()).isNegative()) {
                throw new DateTimeParseException("", "", 0);
            }
        } catch (DateTimeParseException e) {
            throw ArmError.badRequest("properties." + field + " must be an ISO 8601 duration such as P365D or PT12H, got " + value);
        }
        return value.asText();
    }

    // --- long-running operations

    private LongRunningOperation begin(String subscription, String location, String kind, Supplier<ObjectNode> result, Runnable work) {
        Instant now = clock.instant();
        LongRunningOperation operation = new LongRunningOperation(UUID.randomUUID().toString(), subscription,
                ArmNames.normalLocation(location), kind, now, now.plus(provisioningDelay), result);
        operations.put(operation.id(), operation);
        if (provisioningDelay.isZero()) {
            finish(operation, work);
        } else {
            scheduler.schedule(() -> {
                synchronized (this) {
                    finish(operation, work);
                }
            }, provisioningDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return operation;
    }

    private void finish(LongRunningOperation operation, Runnable work) {
        try {
            work.run();
            operation.succeeded(clock.instant());
        } catch (ArmError e) {
            operation.failed(clock.instant(), e);
        } catch (RuntimeException e) {
            operation.failed(clock.instant(), new ArmError(500, "InternalServerError", "the emulator failed: " + e));
        }
    }

    /**
     * The {@code Azure-AsyncOperation} poll (the operation's status), or with {@code asLocation} the
     * {@code Location} poll: 202 while it runs, then the resource (200), nothing (204) after a delete, or its error.
     */
    synchronized ArmResponse operation(String subscription, String id, boolean asLocation) {
        LongRunningOperation operation = operations.get(id);
        if (operation == null || !operation.subscription().equalsIgnoreCase(subscription)) {
            throw new ArmError(404, "ResourceNotFound", "No operation '" + id + "' in subscription '" + subscription + "'.");
        }
        if (!asLocation) {
            return ArmResponse.status(operation);
        }
        return switch (operation.status()) {
            case InProgress -> ArmResponse.started(202, null, operation);
            case Succeeded -> operation.result() == null ? ArmResponse.of(204, null) : ArmResponse.ok(operation.result());
            case Failed -> throw operation.error();
        };
    }

    Instant now() {
        return clock.instant();
    }

    // --- helpers

    private static String nameToCheck(JsonNode body, String type) {
        if (body == null || !body.isObject()) {
            throw ArmError.invalidContent("the body must be a JSON object {\"name\", \"type\": \"" + type + "\"}");
        }
        JsonNode name = body.get("name");
        JsonNode bodyType = body.get("type");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw ArmError.badRequest("name is required: the name to check");
        }
        if (bodyType == null || !bodyType.isTextual() || !bodyType.asText().equalsIgnoreCase(type)) {
            throw ArmError.badRequest("type must be " + type + ", got " + bodyType);
        }
        return name.asText();
    }

    private static ObjectNode nameAvailability(String name, String message, String reason) {
        ObjectNode node = JSON.objectNode();
        node.put("name", name);
        node.put("nameAvailable", reason == null);
        node.put("message", message);
        node.put("reason", reason);
        return node;
    }

    private static String key(String... parts) {
        return String.join("/", parts).toLowerCase(Locale.ROOT);
    }
}
