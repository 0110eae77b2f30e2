package dev.adxfed.operator.kusto;

import com.azure.core.exception.ClientAuthenticationException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Why a call to a cluster failed, in words that name what to check: the SDK's own messages for a host that
 * does not resolve or an identity that got no token say neither what was tried nor what fixes it.
 */
public final class FailureReason {

    private FailureReason() {}

    /** The cluster was not reached at all (unknown host, refused, no route, no answer), said so; else empty. */
    public static Optional<String> unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Optional.of("its host name is not known (DNS has no such name): check the endpoint, an ADX"
                        + " cluster's is https://<cluster>.<region>.kusto.windows.net");
            }
            if (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("refused")) {
                return Optional.of("connection refused: check the endpoint and that the cluster is running");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Optional.of("no connection (" + message(t) + "): check the endpoint and the network in between");
            }
            if (t instanceof TimeoutException) {
                return Optional.of("no answer in time: check the endpoint and the network in between");
            }
        }
        return Optional.empty();
    }

    /** The identity got no token, said with how it signs in and what that needs; else empty. */
    public static Optional<String> signIn(Throwable failure, KustoIdentity identity) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException) {
                return Optional.of("no token: " + identity.signsInWith() + " (Azure said: " + firstLine(t) + ")");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Throwable t) {
        String m = message(t);
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end).strip();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage().strip();
    }
}
