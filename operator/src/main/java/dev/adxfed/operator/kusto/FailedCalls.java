package dev.adxfed.operator.kusto;

import java.util.Optional;

/**
 * The ClientRequestId of the last Kusto call that failed on this thread. A pass runs on one thread, so
 * the reconciler clears it before the pass and reads it after, to put in the status the id an operator
 * looks up on the cluster with {@code .show commands-and-queries | where ClientActivityId == '...'}.
 */
public final class FailedCalls {

    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    private FailedCalls() {}

    public static void clear() {
        LAST.remove();
    }

    public static Optional<String> lastClientRequestId() {
        return Optional.ofNullable(LAST.get());
    }

    static void failed(String clientRequestId) {
        LAST.set(clientRequestId);
    }
}
