package dev.adxfed.operator.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Series that follow their ADXCluster: {@code adxfed_resource_ready{resource_namespace,name,role}} for each resource
 * the operator reconciles, and every series labelled with a hub (a Federated resource's endpoint) or a
 * heartbeat target (a Partition's federated target). When a resource is deleted, deselected (its
 * criteriaExpression no longer matches) or re-pointed to another endpoint or other targets, its series go,
 * and so do the hub's and target's series once no resource names them: a gone hub would otherwise age at
 * every scrape and a gone partition's counters would stand still, both firing alerts until a restart.
 */
final class ResourceSeries {

    /**
     * The resource's namespace. Not {@code namespace}: a scrape puts the operator pod's own there, and Prometheus would
     * keep the resource's only as {@code exported_namespace}.
     */
    private static final String NAMESPACE = "resource_namespace";

    /** What one resource names: its role, the hub it is (Federated) and the targets it heartbeats into (Partition). */
    private record Named(String role, Set<String> hubs, Set<String> targets) {}

    private final MeterRegistry registry;
    private final Consumer<String> hubGone;
    private final Map<String, Named> byResource = new HashMap<>();
    private final Map<String, AtomicInteger> ready = new HashMap<>();

    /** @param hubGone told a hub's endpoint when its series are removed, to drop what it holds for the hub */
    ResourceSeries(MeterRegistry registry, Consumer<String> hubGone) {
        this.registry = registry;
        this.hubGone = hubGone;
    }

    /** The resource, as this pass sees it, names {@code hubs} and {@code targets}; series of what it no longer names go. */
    synchronized void follows(String namespace, String name, String role, Set<String> hubs, Set<String> targets) {
        String key = namespace + "/" + name;
        Named before = byResource.put(key, new Named(role, Set.copyOf(hubs), Set.copyOf(targets)));
        if (before != null && !before.role().equals(role)) {
            removeReady(key);
        }
        if (before != null) {
            removeUnnamed(before);
        }
    }

    synchronized void ready(String namespace, String name, String role, boolean isReady) {
        String key = namespace + "/" + name;
        ready.computeIfAbsent(key, k -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("adxfed.resource.ready", holder, AtomicInteger::get)
                    .description("1 when the ADXCluster's last pass left its condition True, 0 when not")
                    .tags(NAMESPACE, namespace, "name", name, "role", role).register(registry);
            return holder;
        }).set(isReady ? 1 : 0);
    }

    /** The resource was deleted or deselected: its series go, and those of the hub and targets no one else names. */
    synchronized void gone(String namespace, String name) {
        String key = namespace + "/" + name;
        removeReady(key);
        Named before = byResource.remove(key);
        if (before != null) {
            removeUnnamed(before);
        }
    }

    private void removeReady(String key) {
        if (ready.remove(key) != null) {
            int slash = key.indexOf('/');
            removeWhere(m -> "adxfed.resource.ready".equals(m.getId().getName())
                    && key.substring(0, slash).equals(m.getId().getTag(NAMESPACE))
                    && key.substring(slash + 1).equals(m.getId().getTag("name")));
        }
    }

    private void removeUnnamed(Named before) {
        Set<String> hubs = new HashSet<>(before.hubs());
        Set<String> targets = new HashSet<>(before.targets());
        byResource.values().forEach(named -> {
            hubs.removeAll(named.hubs());
            targets.removeAll(named.targets());
        });
        for (String hub : hubs) {
            hubGone.accept(hub);
            removeWhere(m -> hub.equals(m.getId().getTag("hub")));
        }
        for (String target : targets) {
            removeWhere(m -> target.equals(m.getId().getTag("target")));
        }
    }

    private void removeWhere(Predicate<Meter> which) {
        registry.getMeters().stream().filter(which).toList().forEach(registry::remove);
    }
}
