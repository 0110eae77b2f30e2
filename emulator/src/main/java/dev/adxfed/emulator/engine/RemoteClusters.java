package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ResultTable;

/** Runs a query on a cluster outside this process (another emulator, or Kusto). */
public interface RemoteClusters {

    /**
     * Returns the primary result of {@code query} run on {@code database} of the cluster at {@code endpoint}.
     *
     * @throws ClusterUnreachable when the cluster does not answer
     * @throws dev.adxfed.emulator.KustoError when it answers with an error
     */
    ResultTable query(String endpoint, String database, String query);

    /** A cluster that could not be reached at all (refused, timed out, unknown host). */
    final class ClusterUnreachable extends RuntimeException {
        public ClusterUnreachable(String endpoint, Throwable cause) {
            super("cluster '" + endpoint + "' is unreachable: " + (cause == null ? "not found" : cause.getMessage()), cause);
        }
    }
}
