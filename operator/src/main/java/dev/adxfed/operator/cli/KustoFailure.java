package dev.adxfed.operator.cli;

import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import dev.adxfed.operator.kusto.FailureReason;
import dev.adxfed.operator.kusto.KustoIdentity;

/** Turns what the Kusto SDK throws into a sentence naming the endpoint and what to check. */
final class KustoFailure {

    private KustoFailure() {}

    static CommandFailure of(KustoEndpoint endpoint, KustoDataExceptionBase e) {
        var unreachable = FailureReason.unreachable(e);
        if (unreachable.isPresent()) {
            return new CommandFailure("cannot reach " + endpoint + ": " + unreachable.get(), CommandFailure.UNREACHABLE, e);
        }
        // The query command signs in to https endpoints with the default credential (KustoEndpoint.connect).
        KustoIdentity identity = endpoint.authenticated() ? new KustoIdentity.DefaultChain() : new KustoIdentity.None();
        var signIn = FailureReason.signIn(e, identity);
        if (signIn.isPresent()) {
            return new CommandFailure("cannot sign in to " + endpoint + ": " + signIn.get(), CommandFailure.FAILED, e);
        }
        String kind = e instanceof DataServiceException ? "Kusto error from " : "Kusto client error for ";
        return new CommandFailure(kind + endpoint + ": " + message(e), CommandFailure.FAILED, e);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
