package dev.adxfed.operator.model;

import dev.adxfed.operator.api.ADXCluster;
import dev.adxfed.operator.api.ADXClusterSpec;
import dev.adxfed.operator.api.ClusterRole;
import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.api.FederationSpec;
import dev.adxfed.operator.federation.FederationSettings;
import dev.adxfed.operator.heartbeat.HeartbeatTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules an ADXCluster must meet, in one place. A hub-only field on a Partition counts only when it
 * differs from the CRD's default, because the API server fills the defaults into every stored resource:
 * the same file is then accepted or refused alike by {@code adxfed sync} and by Kubernetes.
 */
final class ClusterRules {

    private static final String FEDERATION = "spec.federation.";
    private static final Pattern FIELD_FIRST = Pattern.compile("^(spec\\.[A-Za-z0-9_.\\[\\]]+):? (.*)$", Pattern.DOTALL);

    private ClusterRules() {}

    static ClusterModel check(ADXCluster cluster) {
        String name = cluster.getMetadata() == null ? null : cluster.getMetadata().getName();
        ADXClusterSpec spec = cluster.getSpec();
        if (spec == null) {
            return new ClusterModel.Invalid(name, List.of(new SpecProblem("spec", "is missing")));
        }
        FederationSpec federation = spec.federation == null ? new FederationSpec() : spec.federation;
        List<SpecProblem> problems = new ArrayList<>();
        Optional<String> endpoint = endpoint(cluster, problems);
        ClusterModel model = spec.effectiveRole() == ClusterRole.Federated
                ? federated(name, spec, federation, endpoint, problems)
                : partition(name, spec, federation, endpoint, problems);
        return problems.isEmpty() ? model : new ClusterModel.Invalid(name, problems);
    }

    /** spec.endpoint, else what provisioning made; none is fine only while provisioning is to make it. */
    private static Optional<String> endpoint(ADXCluster cluster, List<SpecProblem> problems) {
        ADXClusterSpec spec = cluster.getSpec();
        if (present(spec.endpoint)) {
            return Optional.of(spec.endpoint);
        }
        if (spec.provision == null) {
            problems.add(new SpecProblem("spec.endpoint", "is empty: give the URL of an existing cluster, or"
                    + " spec.provision to have the cluster made in Azure"));
            return Optional.empty();
        }
        String provisioned = cluster.getStatus() == null ? null : cluster.getStatus().endpoint;
        return present(provisioned) ? Optional.of(provisioned) : Optional.empty();
    }

    private static ClusterModel partition(String name, ADXClusterSpec spec, FederationSpec federation,
                                          Optional<String> endpoint, List<SpecProblem> problems) {
        hubFieldsSet(federation).forEach(field -> problems.add(new SpecProblem(FEDERATION + field,
                "is a Federated cluster's setting, but spec.role is " + role(spec) + ": set spec.role: Federated"
                        + " for a hub, or remove " + field + " from a partition")));
        List<FederatedTarget> targets = federation.federatedTargets == null ? List.of() : federation.federatedTargets;
        for (int i = 0; i < targets.size(); i++) {
            target(targets.get(i), FEDERATION + "federatedTargets[" + i + "].", problems);
        }
        return new ClusterModel.Partition(name, endpoint, Optional.ofNullable(spec.provision),
                federation.partitioning == null ? Map.of() : Map.copyOf(federation.partitioning), List.copyOf(targets));
    }

    private static void target(FederatedTarget target, String prefix, List<SpecProblem> problems) {
        if (target == null) {
            problems.add(new SpecProblem(prefix.substring(0, prefix.length() - 1), "is empty"));
            return;
        }
        if (!present(target.endpoint)) {
            problems.add(new SpecProblem(prefix + "endpoint", "is empty: give the URL of the hub to heartbeat into"));
        }
        name(target.heartbeatDatabase, prefix + "heartbeatDatabase", "the hub's heartbeat database", problems);
        name(target.heartbeatTable, prefix + "heartbeatTable", "the hub's heartbeat table", problems);
    }

    private static ClusterModel federated(String name, ADXClusterSpec spec, FederationSpec federation,
                                          Optional<String> endpoint, List<SpecProblem> problems) {
        if (federation.federatedTargets != null && !federation.federatedTargets.isEmpty()) {
            problems.add(new SpecProblem(FEDERATION + "federatedTargets", "is a Partition's setting, but spec.role is"
                    + " Federated: a hub does not heartbeat; remove federatedTargets, or make this a Partition"));
        }
        if (federation.partitioning != null && !federation.partitioning.isEmpty()) {
            problems.add(new SpecProblem(FEDERATION + "partitioning", "is a Partition's setting, but spec.role is"
                    + " Federated: remove partitioning, or make this a Partition"));
        }
        boolean table = name(federation.heartbeatDatabase, FEDERATION + "heartbeatDatabase",
                "the database where partitions heartbeat", problems)
                & name(federation.heartbeatTable, FEDERATION + "heartbeatTable", "the table partitions heartbeat into",
                problems);
        Duration ttl = attempt(federation::heartbeatTtl, problems);
        attempt(federation::departureHoldTime, problems);
        FederationSettings settings = attempt(() -> FederationSettings.of(federation), problems);
        if (!problems.isEmpty() || !table) {
            return null;
        }
        return new ClusterModel.Federated(name, endpoint, Optional.ofNullable(spec.provision),
                new HeartbeatTable(federation.heartbeatDatabase, federation.heartbeatTable), ttl, settings);
    }

    /** Whether {@code value} is a Kusto entity name; adds the problem when it is missing or is not. */
    private static boolean name(String value, String field, String what, List<SpecProblem> problems) {
        if (!present(value)) {
            problems.add(new SpecProblem(field, "is required: " + what));
            return false;
        }
        if (!value.matches("[A-Za-z0-9_]+")) {
            problems.add(new SpecProblem(field, "'" + value + "' is not a Kusto name: use letters, digits and underscores"));
            return false;
        }
        return true;
    }

    /** The hub-only fields a partition sets to something other than the CRD's default. */
    private static List<String> hubFieldsSet(FederationSpec f) {
        FederationSpec defaults = new FederationSpec();
        Map<String, Boolean> set = new LinkedHashMap<>();
        set.put("heartbeatDatabase", present(f.heartbeatDatabase));
        set.put("heartbeatTable", present(f.heartbeatTable));
        set.put("heartbeatTTL", differs(f.heartbeatTTL, FederationSpec.DEFAULT_HEARTBEAT_TTL));
        set.put("entityGroupNamePattern", differs(f.entityGroupNamePattern, FederationSpec.DEFAULT_ENTITY_GROUP_NAME_PATTERN));
        set.put("cleanupStaleEntityGroups", differs(f.cleanupStaleEntityGroups, defaults.effectiveCleanupStaleEntityGroups()));
        set.put("fuzzyFunctions", differs(f.fuzzyFunctions, defaults.effectiveFuzzyFunctions()));
        set.put("cleanupStaleFunctions", differs(f.cleanupStaleFunctions, defaults.effectiveCleanupStaleFunctions()));
        set.put("functionFolder", differs(f.functionFolder, FederationSpec.DEFAULT_FUNCTION_FOLDER));
        set.put("functionMembers", differs(f.functionMembers, FederationSpec.DEFAULT_FUNCTION_MEMBERS));
        set.put("blockedClusters", f.blockedClusters != null);
        set.put("partitionSelector", present(f.partitionSelector));
        set.put("maxDepartingFraction", differs(f.maxDepartingFraction, FederationSpec.DEFAULT_MAX_DEPARTING_FRACTION));
        set.put("departureHoldTime", differs(f.departureHoldTime, FederationSpec.DEFAULT_DEPARTURE_HOLD_TIME));
        return set.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private static boolean differs(Object value, Object fallback) {
        return value != null && !(value instanceof String text && text.isEmpty()) && !Objects.equals(value, fallback);
    }

    /** The value, or null with the problem added, its field read off the message the spec's accessor gives. */
    private static <T> T attempt(Supplier<T> read, List<SpecProblem> problems) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            Matcher m = FIELD_FIRST.matcher(e.getMessage());
            problems.add(m.matches() ? new SpecProblem(m.group(1), m.group(2)) : new SpecProblem("spec.federation", e.getMessage()));
            return null;
        }
    }

    private static String role(ADXClusterSpec spec) {
        return spec.role == null ? "Partition (the default when spec.role is unset)" : spec.role.name();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
