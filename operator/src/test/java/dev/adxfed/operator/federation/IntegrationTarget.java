package dev.adxfed.operator.federation;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the integration suite runs, from the environment: real endpoints when {@value #HUB} and
 * {@value #PARTITIONS} are set (signing in through the default Azure credential chain; http://
 * endpoints, the emulator's or Kustainer's, get no token), otherwise in-process emulator clusters.
 *
 * @param hub        the hub endpoint, empty for in-process emulator clusters
 * @param partitions the partition endpoints, at least two (one leaves, one stays)
 * @param databases  pre-created databases of the hub and every partition; empty: the suite creates its own
 * @param heartbeatDatabase with pre-created databases, the hub's own pre-created heartbeat database, which no
 *                   partition has: the hub never federates a partition database of its heartbeat database's name
 */
record IntegrationTarget(Optional<String> hub, List<String> partitions, List<String> databases,
                         Optional<String> heartbeatDatabase) {

    static final String HUB = "ADXFED_IT_HUB";
    static final String PARTITIONS = "ADXFED_IT_PARTITIONS";
    static final String DATABASES = "ADXFED_IT_DATABASES";
    static final String HEARTBEAT_DATABASE = "ADXFED_IT_HEARTBEAT_DATABASE";

    /** @throws IllegalArgumentException naming the variable, when the environment is half set or malformed */
    static IntegrationTarget of(Map<String, String> env) {
        String hub = env.getOrDefault(HUB, "").strip();
        List<String> partitions = list(env.get(PARTITIONS));
        List<String> databases = list(env.get(DATABASES));
        if (hub.isEmpty()) {
            if (!partitions.isEmpty() || !databases.isEmpty()) {
                throw new IllegalArgumentException(HUB + " is not set, but " + (partitions.isEmpty() ? DATABASES : PARTITIONS)
                        + " is: set both " + HUB + " and " + PARTITIONS + " to run against real clusters, or neither");
            }
            return new IntegrationTarget(Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        if (partitions.size() < 2) {
            throw new IllegalArgumentException(PARTITIONS + " needs at least two comma-separated endpoints (one leaves,"
                    + " one stays), got " + partitions.size());
        }
        endpoint(HUB, hub);
        partitions.forEach(p -> endpoint(PARTITIONS, p));
        if (partitions.contains(hub)) {
            throw new IllegalArgumentException(PARTITIONS + " lists the hub " + hub + ": use other clusters as partitions");
        }
        databases.stream().filter(d -> !d.matches("[A-Za-z0-9_\\-. ]+")).findFirst().ifPresent(d -> {
            throw new IllegalArgumentException(DATABASES + ": '" + d + "' is not a database name");
        });
        String heartbeatDatabase = env.getOrDefault(HEARTBEAT_DATABASE, "").strip();
        if (!databases.isEmpty() && (heartbeatDatabase.isEmpty() || databases.contains(heartbeatDatabase))) {
            throw new IllegalArgumentException(DATABASES + " is set, so " + HEARTBEAT_DATABASE + " must name a database"
                    + " of the hub's own for the heartbeat table, not one of " + DATABASES + ": the hub never federates"
                    + " a partition database named like its heartbeat database");
        }
        return new IntegrationTarget(Optional.of(hub), partitions, databases,
                heartbeatDatabase.isEmpty() ? Optional.empty() : Optional.of(heartbeatDatabase));
    }

    boolean inProcess() {
        return hub.isEmpty();
    }

    /**
     * Long enough for every remaining partition to heartbeat and the hub to read within it, with
     * the clocks of remote clusters; short on loopback emulator clusters, which share this clock.
     */
    Duration heartbeatTtl() {
        boolean local = inProcess() || partitions.stream().allMatch(p -> p.startsWith("http://")) && hub.orElseThrow().startsWith("http://");
        return local ? Duration.ofSeconds(3) : Duration.ofSeconds(30);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void endpoint(String variable, String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": '" + endpoint + "' is not a URL: " + e.getMessage());
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(variable + ": '" + endpoint + "' is not an http(s) cluster URL,"
                    + " e.g. https://mycluster.westeurope.kusto.windows.net");
        }
    }
}
