package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ClusterDirectory;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a query may need besides its text: the cluster it was sent to, every other cluster of
 * this process (for {@code cluster('...')}), the request's database, its client request
 * properties (an empty object when none were sent) and the request time, which {@code now()} and
 * {@code ago()} use so that one query sees one instant.
 */
public record QueryContext(ClusterDirectory.Entry cluster, ClusterDirectory directory, String database,
                           JsonNode properties, Instant now) {

    public QueryContext {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(now, "now");
    }

    public ClusterCatalog catalog() {
        return cluster.catalog();
    }
}
