package dev.adxfed.operator.cli;

import dev.adxfed.emulator.Emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        emulator = Emulator.startClusters(3);
        eastus = emulator.clusters().get(0).url();
        westeurope = emulator.clusters().get(1).url();
        hub = emulator.clusters().get(2).url();
    }

    Path hubFile(Path dir) throws IOException {
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
                    heartbeatTTL: 10m
                """.formatted(hub));
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

    @Override
    public void close() {
        emulator.close();
    }
}
