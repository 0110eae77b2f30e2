package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.commands.FunctionValidator;
import dev.adxfed.emulator.commands.ManagementCommands;
import dev.adxfed.emulator.commands.TabularPipe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v2 wire format, read back by the official SDK, with a stand-in query engine that returns one row of every type. */
class WireFormatTest {

    private static final UUID GUID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final Instant WHEN = Instant.parse("2024-05-01T10:00:00.1234567Z");
    private static final ResultTable EVERY_TYPE = new ResultTable(List.of(
            new Column("b", ScalarType.BOOL), new Column("i", ScalarType.INT), new Column("l", ScalarType.LONG),
            new Column("r", ScalarType.REAL), new Column("d", ScalarType.DECIMAL), new Column("s", ScalarType.STRING),
            new Column("t", ScalarType.DATETIME), new Column("ts", ScalarType.TIMESPAN), new Column("g", ScalarType.GUID),
            new Column("dyn", ScalarType.DYNAMIC), new Column("n", ScalarType.LONG)),
            List.<Object[]>of(new Object[] {true, 7, 1L << 40, 2.0, new BigDecimal("1.10"), "Zürich \u65e5\u672c \"q\"",
                    WHEN, Duration.ofDays(1).plusHours(2).plusMillis(500), GUID,
                    new ObjectMapper().createObjectNode().put("k", "v\u00e9"), null}));

    private static ClusterServer server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        QueryRunner standIn = (context, query) -> {
            if (query.equals("fail")) {
                throw KustoError.semantic("SEM0100", "'fail' operator: Failed to resolve table expression named 'fail' at line 1, column 1");
            }
            return new QueryResult(EVERY_TYPE, List.of());
        };
        ClusterCatalog catalog = new ClusterCatalog();
        CommandLog log = new CommandLog();
        server = ClusterServer.bind("wire", "127.0.0.1", 0, catalog, new ClusterDirectory(),
                new ManagementCommands(log, TabularPipe.load(), FunctionValidator.NONE), standIn, log);
        server.start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(server.endpoint().toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSdkReadsEveryTypeBack() throws Exception {
        KustoResultSetTable rows = client.executeQuery("Db", "anything").getPrimaryResults();

        assertThat(rows.next()).isTrue();
        assertThat(rows.getBoolean("b")).isTrue();
        assertThat(rows.getInt("i")).isEqualTo(7);
        assertThat(rows.getLong("l")).isEqualTo(1L << 40);
        assertThat(rows.getDouble("r")).isEqualTo(2.0);
        assertThat(rows.getBigDecimal("d")).isEqualByComparingTo("1.10");
        assertThat(rows.getString("s")).isEqualTo("Zürich \u65e5\u672c \"q\"");
        assertThat(rows.getKustoDateTime("t").toInstant(java.time.ZoneOffset.UTC)).isEqualTo(WHEN);
        assertThat(rows.getString("ts")).isEqualTo("1.02:00:00.5000000");
        assertThat(rows.getUUID("g")).isEqualTo(GUID);
        assertThat(rows.getJSONObject("dyn").get("k").asText()).isEqualTo("v\u00e9");
        assertThat(rows.getObject("n")).isNull();
        assertThat(rows.next()).isFalse();
    }

    @Test
    void responsesAreAsciiOnlyAndCarryAnActivityId() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/v2/rest/query"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"db\":\"Db\",\"csl\":\"anything\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body).matches("\\p{ASCII}*");
        assertThat(body).contains("Z\\u00FCrich").contains("\"2024-05-01T10:00:00.1234567Z\"").contains("2.0,");
        assertThat(body).contains("\"TableKind\":\"PrimaryResult\"").contains("\"TableKind\":\"QueryCompletionInformation\"")
                .contains("\"FrameType\":\"DataSetCompletion\"");
        assertThat(response.headers().firstValue("x-ms-activity-id")).isPresent();
    }

    @Test
    void aQueryErrorReachesTheSdkWithItsMessage() {
        assertThatThrownBy(() -> client.executeQuery("Db", "fail"))
                .isInstanceOf(DataServiceException.class)
                .hasMessageContaining("SEM0100")
                .hasMessageContaining("Failed to resolve table expression named 'fail' at line 1, column 1");
        assertThat(server.log().entries()).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("fail");
            assertThat(e.state()).isEqualTo(CommandLog.State.Failed);
            assertThat(e.commandType()).isEqualTo("Query");
        });
    }
}
