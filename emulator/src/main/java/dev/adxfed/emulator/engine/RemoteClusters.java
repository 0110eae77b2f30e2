package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ResultTable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * What the calling query fails with when the other cluster answered with an error: its semantic or syntax code
     * when {@code message} names one (a table missing there is SEM0100 here too), otherwise SEM0056.
     */
    static KustoError answeredWithError(String endpoint, String database, String message) {
        Matcher m = Pattern.compile("\\b(SEM\\d{4}|SYN\\d{4})\\b").matcher(String.valueOf(message));
        String code = m.find() ? m.group(1) : SemanticErrors.REMOTE;
        return KustoError.semantic(code, "cluster('" + endpoint + "').database('" + database + "'): " + message);
    }
}
