package dev.adxfed.operator.cli;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.exceptions.KustoDataExceptionBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code adxfed query}: one query or management command through the official Kusto SDK, printed as a table. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a KQL query, or a management command (text starting with '.'), and prints the result as a table.",
                "http endpoints (the emulator, Kustainer) are called without a token; https endpoints sign in with the"
                        + " default Azure credential chain (environment, workload identity, managed identity, Azure CLI)."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "The cluster, e.g. https://mycluster.westeurope.kusto.windows.net or http://127.0.0.1:8080.")
    private String endpoint;

    @Option(names = "--database", required = true, paramLabel = "DATABASE", description = "The database the text runs in.")
    private String database;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "How long the cluster may take, e.g. 30s or 5m (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "200",
            description = "Print at most N rows of the result (default: ${DEFAULT-VALUE}).")
    private int maxRows;

    @Parameters(index = "0", paramLabel = "KQL", description = "The query, or a management command such as '.show tables'.")
    private String text;

    @Override
    public Integer call() {
        KustoEndpoint target = endpoint();
        if (text.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the KQL text is empty");
        }
        if (maxRows < 1) {
            throw new ParameterException(spec.commandLine(), "--max-rows must be at least 1, got " + maxRows);
        }
        Client client = target.connect();
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setTimeoutInMilliSec(timeout.toMillis());
        String command = text.strip();
        KustoOperationResult result;
        try {
            result = command.startsWith(".")
                    ? client.executeMgmt(database, command, properties)
                    : client.executeQuery(database, command, properties);
        } catch (KustoDataExceptionBase e) {
            throw KustoFailure.of(target, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TextTable.of(result.getPrimaryResults(), maxRows).render());
        out.flush();
        return 0;
    }

    private KustoEndpoint endpoint() {
        try {
            return KustoEndpoint.parse(endpoint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--endpoint: " + e.getMessage());
        }
    }
}
