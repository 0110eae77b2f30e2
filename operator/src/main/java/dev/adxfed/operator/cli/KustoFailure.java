package dev.adxfed.operator.cli;

import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/** Turns what the Kusto SDK throws into a sentence naming the endpoint and what to check. */
final class KustoFailure {

    private KustoFailure() {}

    static CommandFailure of(KustoEndpoint endpoint, KustoDataExceptionBase e) {
        Throwable unreachable = unreachableCause(e);
        if (unreachable != null) {
            return new CommandFailure("cannot reach " + endpoint + ": " + describe(unreachable)
                    + "; check the URL and that the cluster is running", CommandFailure.UNREACHABLE, e);
        }
        String kind = e instanceof DataServiceException ? "Kusto error from " : "Kusto client error for ";
        return new CommandFailure(kind + endpoint + ": " + message(e), CommandFailure.FAILED, e);
    }

    private static Throwable unreachableCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof UnresolvedAddressException || t instanceof TimeoutException) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage());
        }
        if (t instanceof TimeoutException) {
            return "no answer in time";
        }
        if (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("refused")) {
            return "connection refused";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
