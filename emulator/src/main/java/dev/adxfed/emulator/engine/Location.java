package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.CatalogSnapshot;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.faults.FaultSwitch;

import java.util.Optional;

/**
 * Where names resolve: a database of a cluster. {@code snapshot} is the cluster's catalog as this query sees it
 * when the cluster lives in this process, and null when it is reached over HTTP. {@code faults} is the fault switch
 * of another cluster of this process, which every read there meets as a request over HTTP would; null for the
 * query's own cluster, for one reached over HTTP, and for code already running there (a function body).
 */
record Location(String clusterEndpoint, CatalogSnapshot snapshot, String database, FaultSwitch faults) {

    Location(String clusterEndpoint, CatalogSnapshot snapshot, String database) {
        this(clusterEndpoint, snapshot, database, null);
    }

    boolean isRemote() {
        return snapshot == null;
    }

    /** The same database, for code that already runs there: what it reads is no further call into the cluster. */
    Location inside() {
        return faults == null ? this : new Location(clusterEndpoint, snapshot, database, null);
    }

    Optional<Database> localDatabase() {
        return snapshot == null ? Optional.empty() : snapshot.database(database);
    }

    String describe() {
        return "cluster('" + clusterEndpoint + "').database('" + database + "')";
    }
}
