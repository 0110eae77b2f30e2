package dev.adxfed.emulator;

import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.faults.FaultSwitch;

import java.net.URI;

/**
 * One running virtual cluster: its name, its endpoint for the SDK and for {@code cluster('...')}, its catalog,
 * its log, and its fault switch (to make it fail in tests).
 */
public record VirtualCluster(String name, URI endpoint, ClusterCatalog catalog, CommandLog log, FaultSwitch faults) {

    /** The endpoint as the SDK's connection string takes it, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return endpoint.toString();
    }
}
