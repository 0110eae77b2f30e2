package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.CatalogSnapshot;
import dev.adxfed.emulator.catalog.Database;

import java.util.Optional;

/**
 * Where names resolve: a database of a cluster. {@code snapshot} is the cluster's catalog as this query sees it
 * when the cluster lives in this process, and null when it is reached over HTTP.
 */
record Location(String clusterEndpoint, CatalogSnapshot snapshot, String database) {
    boolean isRemote() {
        return snapshot == null;
    }

    Optional<Database> localDatabase() {
        return snapshot == null ? Optional.empty() : snapshot.database(database);
    }

    String describe() {
        return "cluster('" + clusterEndpoint + "').database('" + database + "')";
    }
}
