package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cluster's owner chose, from the body of a PUT (everything) or a PATCH (what it names, over the
 * current choice): location, tags, sku, identity and the properties kept. Every field is checked, and an error
 * names the one that is wrong.
 */
record ClusterSpec(String location, Map<String, String> tags, Sku sku, Identity identity, String engineType,
                   boolean enableAutoStop, OptimizedAutoscale optimizedAutoscale) {

    record Sku(String name, String tier, int capacity) {}

    /** {@code type} as ARM spells it: None, SystemAssigned, UserAssigned or "SystemAssigned, UserAssigned". */
    record Identity(String type, List<String> userAssignedIdentities) {
        boolean systemAssigned() {
            return type.startsWith("SystemAssigned");
        }
    }

    record OptimizedAutoscale(int version, boolean isEnabled, int minimum, int maximum) {}

    private static final List<String> IDENTITY_TYPES = List.of("None", "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned");
    private static final List<String> TIERS = List.of("Basic", "Standard");

    /** The choice a PUT makes: {@code location} and {@code sku} are required, the rest takes ADX's defaults. */
    static ClusterSpec create(JsonNode body) {
        requireObject(body);
        String location = text(body, "location", null);
        if (location == null) {
            throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
        }
        if (body.get("sku") == null || body.get("sku").isNull()) {
            throw ArmError.badRequest("sku is required: {\"name\": \"Standard_E2ads_v5\", \"tier\": \"Standard\", \"capacity\": 2}");
        }
        Sku sku = sku(body.get("sku"), null);
        JsonNode properties = object(body, "properties");
        return new ClusterSpec(location, tags(body.get("tags"), Map.of()), sku, identity(body.get("identity"), new Identity("None", List.of())),
                engineType(properties, "V3"), bool(properties, "properties.enableAutoStop", "enableAutoStop", true),
                autoscale(properties, null));
    }

    /** The choice after a PATCH: what {@code body} names replaces the current value; location cannot change. */
    ClusterSpec patch(JsonNode body) {
        requireObject(body);
        String newLocation = text(body, "location", null);
        if (newLocation != null && !ArmNames.sameLocation(newLocation, location)) {
            throw ArmError.badRequest("location cannot change: the cluster is in '" + location + "', the request says '" + newLocation + "'");
        }
        JsonNode properties = object(body, "properties");
        return new ClusterSpec(location, tags(body.get("tags"), tags),
                body.hasNonNull("sku") ? sku(body.get("sku"), sku) : sku,
                identity(body.get("identity"), identity), engineType(properties, engineType),
                bool(properties, "properties.enableAutoStop", "enableAutoStop", enableAutoStop),
                autoscale(properties, optimizedAutoscale));
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ArmError.invalidContent("the body must be a JSON object");
        }
    }

    private static JsonNode object(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ArmError.invalidContent(field + " must be an object");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ArmError.invalidContent((path == null ? field : path) + " must be a non-empty string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String path, String field, boolean otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw ArmError.invalidContent(path + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static Integer integer(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ArmError.invalidContent(path + " must be a whole number, got " + value);
        }
        return value.asInt();
    }

    private static Map<String, String> tags(JsonNode node, Map<String, String> otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isObject()) {
            throw ArmError.invalidContent("tags must be an object of strings");
        }
        Map<String, String> tags = new TreeMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ArmError.invalidContent("tags." + e.getKey() + " must be a string");
            }
            tags.put(e.getKey(), e.getValue().asText());
        });
        return Map.copyOf(tags);
    }

    /** The sku a body names; in a PATCH, what it leaves out stays as {@code current} has it. */
    private static Sku sku(JsonNode node, Sku current) {
        if (!node.isObject()) {
            throw ArmError.invalidContent("sku must be an object {name, tier, capacity}");
        }
        String givenName = text(node, "name", "sku.name");
        String givenTier = text(node, "tier", "sku.tier");
        Integer givenCapacity = integer(node, "sku.capacity", "capacity");
        String name = givenName != null ? givenName : current == null ? null : current.name();
        String tier = givenTier != null ? givenTier : current == null ? null : current.tier();
        if (name == null) {
            throw ArmError.badRequest("sku.name is required, e.g. Standard_E2ads_v5");
        }
        if (tier == null) {
            throw ArmError.badRequest("sku.tier is required: one of " + TIERS);
        }
        String knownTier = TIERS.stream().filter(tier::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> ArmError.badRequest("sku.tier '" + tier + "' is not one of " + TIERS));
        int capacity = givenCapacity != null ? givenCapacity : current != null ? current.capacity() : knownTier.equals("Basic") ? 1 : 2;
        if (capacity < 1 || capacity > 1000) {
            throw ArmError.badRequest("sku.capacity must be between 1 and 1000, got " + capacity);
        }
        return new Sku(name, knownTier, capacity);
    }

    private static Identity identity(JsonNode node, Identity current) {
        if (node == null || node.isNull()) {
            return current;
        }
        if (!node.isObject()) {
            throw ArmError.invalidContent("identity must be an object {type, userAssignedIdentities}");
        }
        String type = text(node, "type", "identity.type");
        if (type == null) {
            throw ArmError.badRequest("identity.type is required: one of " + IDENTITY_TYPES);
        }
        String known = IDENTITY_TYPES.stream().filter(t -> t.replace(" ", "").equalsIgnoreCase(type.replace(" ", "")))
                .findFirst().orElseThrow(() -> ArmError.badRequest("identity.type '" + type + "' is not one of " + IDENTITY_TYPES));
        List<String> users = new ArrayList<>();
        JsonNode assigned = node.get("userAssignedIdentities");
        if (assigned != null && !assigned.isNull()) {
            if (!assigned.isObject()) {
                throw ArmError.invalidContent("identity.userAssignedIdentities must be an object keyed by identity resource id");
            }
            assigned.fieldNames().forEachRemaining(id -> {
                if (!id.toLowerCase(Locale.ROOT).contains("/providers/microsoft.managedidentity/userassignedidentities/")) {
                    throw ArmError.badRequest("identity.userAssignedIdentities key '" + id + "' is not the resource id of a user-assigned"
                            + " identity (/subscriptions/.../resourceGroups/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/NAME)");
                }
                users.add(id);
            });
        }
        if (known.contains("UserAssigned") && users.isEmpty()) {
            throw ArmError.badRequest("identity.type '" + known + "' needs at least one identity in identity.userAssignedIdentities");
        }
        if (!known.contains("UserAssigned") && !users.isEmpty()) {
            throw ArmError.badRequest("identity.userAssignedIdentities is only allowed when identity.type includes UserAssigned, got '"
                    + known + "'");
        }
        return new Identity(known, List.copyOf(users));
    }

    private static String engineType(JsonNode properties, String otherwise) {
        String type = text(properties, "engineType", "properties.engineType");
        if (type == null) {
            return otherwise;
        }
        if (!type.equalsIgnoreCase("V2") && !type.equalsIgnoreCase("V3")) {
            throw ArmError.badRequest("properties.engineType '" + type + "' is not V2 or V3");
        }
        return type.toUpperCase(Locale.ROOT);
    }

    private static OptimizedAutoscale autoscale(JsonNode properties, OptimizedAutoscale current) {
        JsonNode node = properties == null ? null : properties.get("optimizedAutoscale");
        if (node == null || node.isNull()) {
            return current;
        }
        if (!node.isObject()) {
            throw ArmError.invalidContent("properties.optimizedAutoscale must be an object {version, isEnabled, minimum, maximum}");
        }
        String at = "properties.optimizedAutoscale.";
        Integer version = integer(node, at + "version", "version");
        Integer minimum = integer(node, at + "minimum", "minimum");
        Integer maximum = integer(node, at + "maximum", "maximum");
        if (version == null || minimum == null || maximum == null || !node.hasNonNull("isEnabled")) {
            throw ArmError.badRequest(at + "version, isEnabled, minimum and maximum are all required");
        }
        boolean enabled = bool(node, at + "isEnabled", "isEnabled", false);
        if (version != 1) {
            throw ArmError.badRequest(at + "version must be 1, got " + version);
        }
        if (minimum < 2 || maximum < minimum) {
            throw ArmError.badRequest(at + "minimum must be at least 2 and maximum at least minimum, got minimum " + minimum
                    + " and maximum " + maximum);
        }
        return new OptimizedAutoscale(version, enabled, minimum, maximum);
    }

    /** The choice as ARM shows it, in a cluster's body. */
    void write(ObjectNode cluster, ObjectNode properties) {
        cluster.put("location", location);
        ObjectNode tagNode = cluster.putObject("tags");
        tags.forEach(tagNode::put);
        cluster.putObject("sku").put("name", sku.name()).put("tier", sku.tier()).put("capacity", sku.capacity());
        properties.put("engineType", engineType);
        properties.put("enableAutoStop", enableAutoStop);
        if (optimizedAutoscale != null) {
            properties.putObject("optimizedAutoscale").put("version", optimizedAutoscale.version())
                    .put("isEnabled", optimizedAutoscale.isEnabled())
                    .put("minimum", optimizedAutoscale.minimum()).put("maximum", optimizedAutoscale.maximum());
        }
    }
}
