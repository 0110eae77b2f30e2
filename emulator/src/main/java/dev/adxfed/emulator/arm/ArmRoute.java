package dev.adxfed.emulator.arm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a request path addresses. ARM matches the fixed segments of a path ({@code resourceGroups},
 * {@code providers}, {@code Microsoft.Kusto}, ...) in any case; names keep the case they were given.
 */
sealed interface ArmRoute {

    /** Whether the route belongs to Microsoft.Kusto (whose api-versions apply) rather than Microsoft.Resources. */
    default boolean kusto() {
        return true;
    }

    record Provider(String subscription) implements ArmRoute {
        @Override
        public boolean kusto() {
            return false;
        }
    }

    record ProviderRegistration(String subscription) implements ArmRoute {
        @Override
        public boolean kusto() {
            return false;
        }
    }

    record ResourceGroup(String subscription, String resourceGroup) implements ArmRoute {
        @Override
        public boolean kusto() {
            return false;
        }
    }

    record ClusterNameCheck(String subscription, String location) implements ArmRoute {}

    record OperationResult(String subscription, String location, String id) implements ArmRoute {}

    /** The clusters of a subscription, or of one of its resource groups when {@code resourceGroup} is not null. */
    record ClusterList(String subscription, String resourceGroup) implements ArmRoute {}

    record Cluster(String subscription, String resourceGroup, String cluster) implements ArmRoute {}

    record DatabaseNameCheck(String subscription, String resourceGroup, String cluster) implements ArmRoute {}

    record DatabaseList(String subscription, String resourceGroup, String cluster) implements ArmRoute {}

    record Database(String subscription, String resourceGroup, String cluster, String database) implements ArmRoute {}

    String KUSTO = "Microsoft.Kusto";

    /** The route of {@code path}, or empty when the emulator serves nothing there. */
    static Optional<ArmRoute> of(String path) {
        List<String> s = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                s.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        String[] p = s.toArray(String[]::new);
        List<String> n;
        if ((n = match(p, "subscriptions", "*", "providers", KUSTO)) != null) {
            return Optional.of(new Provider(n.get(0)));
        }
        if ((n = match(p, "subscriptions", "*", "providers", KUSTO, "register")) != null) {
            return Optional.of(new ProviderRegistration(n.get(0)));
        }
        if ((n = match(p, "subscriptions", "*", "resourceGroups", "*")) != null) {
            return Optional.of(new ResourceGroup(n.get(0), n.get(1)));
        }
        if ((n = match(p, "subscriptions", "*", "providers", KUSTO, "locations", "*", "checkNameAvailability")) != null) {
            return Optional.of(new ClusterNameCheck(n.get(0), n.get(1)));
        }
        if ((n = match(p, "subscriptions", "*", "providers", KUSTO, "locations", "*", "operationResults", "*")) != null) {
            return Optional.of(new OperationResult(n.get(0), n.get(1), n.get(2)));
        }
        if ((n = match(p, "subscriptions", "*", "providers", KUSTO, "clusters")) != null) {
            return Optional.of(new ClusterList(n.get(0), null));
        }
        String[] cluster = {"subscriptions", "*", "resourceGroups", "*", "providers", KUSTO, "clusters"};
        if ((n = match(p, cluster)) != null) {
            return Optional.of(new ClusterList(n.get(0), n.get(1)));
        }
        if ((n = match(p, concat(cluster, "*"))) != null) {
            return Optional.of(new Cluster(n.get(0), n.get(1), n.get(2)));
        }
        if ((n = match(p, concat(cluster, "*", "checkNameAvailability"))) != null) {
            return Optional.of(new DatabaseNameCheck(n.get(0), n.get(1), n.get(2)));
        }
        if ((n = match(p, concat(cluster, "*", "databases"))) != null) {
            return Optional.of(new DatabaseList(n.get(0), n.get(1), n.get(2)));
        }
        if ((n = match(p, concat(cluster, "*", "databases", "*"))) != null) {
            return Optional.of(new Database(n.get(0), n.get(1), n.get(2), n.get(3)));
        }
        return Optional.empty();
    }

    /** The segments standing where {@code pattern} has {@code *}, or null when the path has another shape. */
    private static List<String> match(String[] path, String... pattern) {
        if (path.length != pattern.length) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < path.length; i++) {
            if (pattern[i].equals("*")) {
                names.add(path[i]);
            } else if (!pattern[i].equalsIgnoreCase(path[i])) {
                return null;
            }
        }
        return names;
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
