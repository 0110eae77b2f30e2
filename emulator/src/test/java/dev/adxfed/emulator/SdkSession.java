package dev.adxfed.emulator;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.adxfed.kql.KqlParser;
import dev.adxfed.kql.KqlSyntaxException;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Talks to an emulator cluster only through the official Kusto SDK, and remembers every text it
 * sent so that a test class can check, in one batch, that Microsoft's parser and ours agree on
 * which texts are valid KQL.
 */
public final class SdkSession {

    /** A result as the SDK read it: column names, column types and rows. */
    public record Rows(List<String> columns, List<String> types, List<List<Object>> rows) {
        public List<Object> column(String name) {
            int i = columns.indexOf(name);
            assertThat(i).as("column %s in %s", name, columns).isNotNegative();
            return rows.stream().map(r -> r.get(i)).toList();
        }

        public Object single(String name) {
            assertThat(rows).hasSize(1);
            return column(name).get(0);
        }

        /** The rows with each cell as text: numbers without trailing zeros, anything else as the SDK gave it. */
        public List<List<String>> texts() {
            return rows.stream().map(r -> r.stream().map(Rows::text).toList()).toList();
        }

        public static String text(Object cell) {
            return cell instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(cell);
        }
    }

    private final Client client;
    private final List<String> sent = new ArrayList<>();

    public SdkSession(URI endpoint) {
        try {
            client = ClientFactory.createClient(new ConnectionStringBuilder(endpoint.toString()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Rows mgmt(String database, String text) {
        sent.add(text);
        try {
            return rows(client.executeMgmt(database, text, null).getPrimaryResults());
        } catch (DataServiceException | DataClientException e) {
            return fail("'" + text + "' failed: " + e.getMessage(), e);
        }
    }

    public Rows query(String database, String text) {
        sent.add(text);
        try {
            return rows(client.executeQuery(database, text, null).getPrimaryResults());
        } catch (DataServiceException | DataClientException e) {
            return fail("'" + text + "' failed: " + e.getMessage(), e);
        }
    }

    /** The warnings a successful query reported in its QueryCompletionInformation table, as the SDK read them. */
    public List<String> warnings(String database, String text) {
        sent.add(text);
        try {
            return client.executeQuery(database, text, null).getResultTables().stream()
                    .filter(t -> t.getTableKind() == WellKnownDataSet.QueryCompletionInformation)
                    .flatMap(t -> t.getData().stream())
                    .filter(row -> "Warning".equals(row.get(6)))
                    .map(row -> String.valueOf(row.get(11)))
                    .toList();
        } catch (DataServiceException | DataClientException e) {
            return fail("'" + text + "' failed: " + e.getMessage(), e);
        }
    }

    /** Sends a command that must fail; returns the message the SDK shows. */
    public String mgmtError(String database, String text) {
        sent.add(text);
        try {
            client.executeMgmt(database, text, null);
        } catch (DataServiceException | DataClientException e) {
            return e.getMessage();
        }
        return fail("'" + text + "' should have failed");
    }

    /** Sends a query that must fail; returns the message the SDK shows. */
    public String queryError(String database, String text) {
        sent.add(text);
        try {
            client.executeQuery(database, text, null);
        } catch (DataServiceException | DataClientException e) {
            return e.getMessage();
        }
        return fail("'" + text + "' should have failed");
    }

    /** Every text this session sent is valid for Microsoft's parser exactly when it is valid for ours. */
    public void assertParsersAgree() {
        assertParsersAgree(List.of(this));
    }

    /** The same for several sessions, in one run of Microsoft's parser (which takes seconds to start). */
    public static void assertParsersAgree(List<SdkSession> sessions) {
        List<String> sent = sessions.stream().flatMap(s -> s.sent.stream()).toList();
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(sent);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            String ours = ourVerdict(sent.get(i));
            if ((ours == null) != verdicts.get(i).valid()) {
                disagreements.add(sent.get(i) + "\n    Microsoft: " + (verdicts.get(i).valid() ? "valid" : verdicts.get(i).describe())
                        + "\n    ours: " + (ours == null ? "valid" : ours));
            }
        }
        assertThat(disagreements).as("texts the two parsers judge differently").isEmpty();
    }

    /** Our parser splits a script without parsing its commands; Microsoft's parses them, so we do too. */
    private static String ourVerdict(String text) {
        try {
            if (KqlParser.parse(text) instanceof Command.ExecuteDatabaseScript script) {
                script.commands().forEach(c -> KqlParser.parseCommand(c.text()));
            }
            return null;
        } catch (KqlSyntaxException e) {
            return e.getMessage();
        }
    }

    private static Rows rows(KustoResultSetTable table) {
        List<String> names = Arrays.stream(table.getColumns()).map(KustoResultColumn::getColumnName).toList();
        List<String> types = Arrays.stream(table.getColumns()).map(KustoResultColumn::getColumnType).toList();
        return new Rows(names, types, table.getData());
    }
}
