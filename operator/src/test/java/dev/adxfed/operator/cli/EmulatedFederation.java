package dev.adxfed.operator.cli;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.operator.heartbeat.Column;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Two sample partition clusters and an empty hub on the emulator, with the ADXCluster YAML files a
 * user would write for them.
 */
final class EmulatedFederation implements AutoCloseable {

    final Emulator emulator;
    final String eastus;
    final String westeurope;
    final String hub;

    EmulatedFederation() throws IOException {
        List<EmulatorConfig.ClusterConfig> clusters = new ArrayList<>(EmulatorConfig.sample(2).clusters());
        // The hub has the partitions' databases but no table of its own: a function never hides a table.
        clusters.add(new EmulatorConfig.ClusterConfig("hub", 0, List.of(new EmulatorConfig.DatabaseConfig("Metrics", false,
                List.of(), List.of()), new EmulatorConfig.DatabaseConfig("Logs", false, List.of(), List.of()))));
        emulator = Emulator.start(new EmulatorConfig(EmulatorConfig.sample(1).host(), clusters, null));
        eastus = emulator.clusters().get(0).url();
        westeurope = emulator.clusters().get(1).url();
        hub = emulator.clusters().get(2).url();
    }

    /** A loopback endpoint on which nothing listens: its port was free a moment ago. */
    static String closedEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    Path hubFile(Path dir) throws IOException {
        return hubFile(dir, "heartbeatTTL: 10m\n");
    }

    /** The Federated hub's file, with these lines added under {@code spec.federation}. */
    Path hubFile(Path dir, String federationFields) throws IOException {
        return Files.writeString(dir.resolve("hub.yaml"), """
                apiVersion: adx-mon.azure.com/v1
                kind: ADXCluster
                metadata:
                  name: hub
                spec:
                  clusterName: hub
                  endpoint: %s
                  role: Federated
                  federation:
                    heartbeatDatabase: FederationHeartbeats
                    heartbeatTable: Heartbeat
                %s""".formatted(hub, federationFields.indent(4)));
    }

    Path partitionsFile(Path dir, String target) throws IOException {
        return Files.writeString(dir.resolve("partitions.yaml"), partition("eastus", eastus, target) + "---\n"
                + partition("westeurope", westeurope, target));
    }

    static String partition(String name, String endpoint, String target) {
        return """
                apiVersion: adx-mon.azure.com/v1
                kind: ADXCluster
                metadata:
                  name: %s
                spec:
                  clusterName: %s
                  endpoint: %s
                  federation:
                    partitioning:
                      region: %s
                    federatedTargets:
                      - endpoint: %s
                        heartbeatDatabase: FederationHeartbeats
                        heartbeatTable: Heartbeat
                        managedIdentityClientId: ""
                """.formatted(name, name, endpoint, name, target);
    }

    /** Writes the heartbeat of a made-up partition into the hub as a partition writes it, dated {@code at}. */
    void heartbeat(String endpoint, Instant at, String database, String... tables) {
        List<TableSchema> schema = Arrays.stream(tables)
                .map(t -> new TableSchema(t, List.of(new Column("Timestamp", "datetime")))).toList();
        String command = new Heartbeat(at, endpoint, new PartitionSchema(List.of(new DatabaseSchema(database, schema, List.of()))),
                Map.of()).ingestCommand("Heartbeat");
        Run run = Run.adxfed("query", "--endpoint", hub, "--database", "FederationHeartbeats", command);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(run.toString());
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
