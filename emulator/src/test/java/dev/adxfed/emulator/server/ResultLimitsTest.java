package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.DataWebException;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Kusto's result truncation through the official Java SDK: 500,000 records and 64 MB by default, a partial
 * query failure (HTTP 200, E_QUERY_RESULT_SET_TOO_LARGE in the stream) past either, and the set statements
 * and request options that move or lift the limits.
 */
class ResultLimitsTest {

    private static final String DB = "NetDefaultDB";
    private static final String RECORD_LIMIT = "Query result set has exceeded the internal record count limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE).";
    private static final String SIZE_LIMIT = "Query result set has exceeded the internal data size limit 67108864 (E_QUERY_RESULT_SET_TOO_LARGE).";
    /** 7,000 rows of a 10,000-character string: about 70 MB, over the 64 MB default. */
    private static final String OVER_64_MB = "range x from 1 to 7000 step 1 | extend s = \"" + "x".repeat(10_000) + "\"";
    private static final String OVER_500_000_RECORDS = "range x from 1 to 500001 step 1";
    private static final List<String> texts = new ArrayList<>();
    private static Emulator emulator;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.startClusters(1);
        client = ClientFactory.createClient(new ConnectionStringBuilder(emulator.endpoint().toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(verdicts.get(i).valid()).as("Microsoft's parser on %s: %s", texts.get(i), verdicts.get(i).describe()).isTrue();
        }
    }

    @Test
    void aResultOverFiveHundredThousandRecordsFailsAsKustoFailsIt() {
        DataServiceException e = failure(OVER_500_000_RECORDS, null);

        assertThat(kustoMessage(e)).isEqualTo("Query execution has exceeded the allowed limits (80DA0003): " + RECORD_LIMIT);
        assertThat(apiError(e).getCode()).isEqualTo("LimitsExceeded");
        assertThat(apiError(e).getType()).isEqualTo("Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException");
    }

    @Test
    void aResultOverSixtyFourMegabytesFailsAsKustoFailsIt() {
        assertThat(kustoMessage(failure(OVER_64_MB, null))).endsWith(SIZE_LIMIT);
    }

    @Test
    void thePartialFailureTravelsInAnHttp200StreamAfterTheRowsThatFit() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint().resolve("/v2/rest/query"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"db\":\"" + DB + "\",\"csl\":\"set truncationmaxrecords = 3; range x from 1 to 5 step 1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode frames = new ObjectMapper().readTree(response.body());
        JsonNode rows = frames.get(1).get("Rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).get(0).asLong()).isEqualTo(3);
        assertThat(rows.get(3).at("/OneApiErrors/0/error/@message").asText()).contains("record count limit 3 (E_QUERY_RESULT_SET_TOO_LARGE)");
        JsonNode completion = frames.get(frames.size() - 1);
        assertThat(completion.get("HasErrors").asBoolean()).isTrue();
        assertThat(completion.at("/OneApiErrors/0/error/code").asText()).isEqualTo("LimitsExceeded");

        JsonNode log = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(emulator.endpoint().resolve("/adxfed/responses")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode logged = log.get("responses").get(log.get("responses").size() - 1);
        assertThat(logged.get("endpoint").asText()).isEqualTo("/v2/rest/query");
        assertThat(logged.get("bytes").asLong()).as("bytes the cluster logged for the response").isEqualTo(response.body().length());
        assertThat(logged.get("rows").asLong()).as("rows sent before the failure").isEqualTo(3);
        assertThat(log.get("next").asLong()).isEqualTo(logged.get("sequence").asLong() + 1);
    }

    @Test
    void setNoTruncationLiftsBothLimits() throws Exception {
        assertThat(rowCount(query("set notruncation;\n" + OVER_500_000_RECORDS, null))).isEqualTo(500_001);
        assertThat(rowCount(query("set notruncation;\n" + OVER_64_MB, null))).isEqualTo(7_000);
    }

    @Test
    void setTruncationMaxRecordsMovesTheRecordLimit() throws Exception {
        assertThat(rowCount(query("set truncationmaxrecords = 10;\nrange x from 1 to 10 step 1", null))).isEqualTo(10);
        assertThat(kustoMessage(failure("set truncationmaxrecords = 10;\nrange x from 1 to 11 step 1", null)))
                .endsWith("Query result set has exceeded the internal record count limit 10 (E_QUERY_RESULT_SET_TOO_LARGE).");
    }

    @Test
    void setTruncationMaxSizeMovesTheSizeLimit() throws Exception {
        String wide = "range x from 1 to 20 step 1 | extend s = \"" + "y".repeat(100) + "\"";
        assertThat(rowCount(query("set truncationmaxsize = 10000;\n" + wide, null))).isEqualTo(20);
        assertThat(kustoMessage(failure("set truncationmaxsize = 1000;\n" + wide, null)))
                .endsWith("Query result set has exceeded the internal data size limit 1000 (E_QUERY_RESULT_SET_TOO_LARGE).");
    }

    @Test
    void theNoTruncationRequestOptionLiftsTheLimits() throws Exception {
        assertThat(rowCount(query(OVER_500_000_RECORDS, options("notruncation", true)))).isEqualTo(500_001);
    }

    @Test
    void theTruncationMaxRecordsRequestOptionMovesTheRecordLimit() {
        assertThat(kustoMessage(failure("range x from 1 to 6 step 1", options("truncationmaxrecords", 5L))))
                .endsWith("internal record count limit 5 (E_QUERY_RESULT_SET_TOO_LARGE).");
    }

    @Test
    void theTruncationMaxSizeRequestOptionMovesTheSizeLimit() {
        assertThat(kustoMessage(failure("range x from 1 to 1000 step 1", options("truncationmaxsize", 100L))))
                .endsWith("internal data size limit 100 (E_QUERY_RESULT_SET_TOO_LARGE).");
    }

    @Test
    void aSetStatementOverridesTheRequestOption() throws Exception {
        assertThat(rowCount(query("set truncationmaxrecords = 20;\nrange x from 1 to 10 step 1", options("truncationmaxrecords", 5L))))
                .isEqualTo(10);
    }

    @Test
    void otherSetOptionsAreAcceptedAndChangeNothing() throws Exception {
        KustoResultSetTable table = query("set query_datascope = \"hotcache\";\nset querytrace;\nprint x = 1", null);
        assertThat(table.next()).isTrue();
        assertThat(table.getLong("x")).isEqualTo(1);
    }

    @Test
    void aLimitThatIsNotANumberIsRefusedNamingTheOption() {
        DataServiceException e = failure("set truncationmaxrecords = \"many\";\nprint x = 1", null);
        assertThat(e.getMessage()).contains("truncationmaxrecords").contains("many");
    }

    private static KustoResultSetTable query(String text, ClientRequestProperties properties) throws Exception {
        texts.add(text);
        return client.executeQuery(DB, text, properties).getPrimaryResults();
    }

    private static DataServiceException failure(String text, ClientRequestProperties properties) {
        texts.add(text);
        return catchThrowableOfType(DataServiceException.class, () -> client.executeQuery(DB, text, properties));
    }

    private static ClientRequestProperties options(String name, Object value) {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setOption(name, value);
        return properties;
    }

    private static long rowCount(KustoResultSetTable table) {
        return table.count();
    }

    private static com.microsoft.azure.kusto.data.exceptions.OneApiError apiError(DataServiceException e) {
        assertThat(e).as("the SDK's exception").isNotNull();
        assertThat(e.getCause()).isInstanceOf(KustoServiceQueryError.class);
        return ((DataWebException) ((KustoServiceQueryError) e.getCause()).getExceptions().get(0)).getApiError();
    }

    /** Kusto's own text ({@code @message}) of the partial query failure the SDK raised. */
    private static String kustoMessage(DataServiceException e) {
        return apiError(e).getDescription();
    }
}
