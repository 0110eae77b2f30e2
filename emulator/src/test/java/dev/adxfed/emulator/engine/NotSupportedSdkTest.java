package dev.adxfed.emulator.engine;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Valid KQL the engine does not run is answered, through the Java SDK, with Kusto's BadRequest_NotSupported naming
 * the feature, never as a syntax error: a user can tell "the emulator does not run this" from "this is not KQL".
 */
class NotSupportedSdkTest {
    private static final String DB = "Telemetry";
    private static final List<String> sent = new ArrayList<>();
    private static Emulator emulator;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        emulator = TestClusters.withEmptyDatabase("c1", DB);
        client = ClientFactory.createClient(new ConnectionStringBuilder(emulator.endpoint().toString()));
        client.executeMgmt(DB, ".create table Requests (Timestamp:datetime, Host:string, DurationMs:long)", null);
    }

    @AfterAll
    static void stop() {
        try {
            assertThat(MicrosoftKqlParser.check(sent)).as("every text is valid KQL for Microsoft's parser")
                    .allSatisfy(v -> assertThat(v.valid()).as(v.describe()).isTrue());
        } finally {
            emulator.close();
        }
    }

    /** The error the SDK raises, with the response body it carries (which holds Kusto's error code). */
    private static String error(String query) {
        sent.add(query);
        try {
            client.executeQuery(DB, query, null);
        } catch (DataServiceException | DataClientException e) {
            return e.getMessage() + (e.getCause() == null ? "" : "\n" + e.getCause().getMessage());
        }
        return fail("'" + query + "' should have failed");
    }

    private static void assertNotSupported(String query, String feature) {
        assertThat(error(query))
                .contains("BadRequest_NotSupported").contains("Not supported by the adxfed emulator").contains(feature)
                .doesNotContain("SYN0002").doesNotContain("SyntaxException").doesNotContainIgnoringCase("syntax");
    }

    @Test
    void pluginsNameThemselves() {
        assertNotSupported("Requests | evaluate autocluster()", "the 'evaluate autocluster' plugin");
        assertNotSupported("Requests | evaluate bag_unpack(Tags)", "the 'evaluate bag_unpack' plugin");
        assertNotSupported("evaluate sql_request('Server=tcp:contoso.database.windows.net,1433', 'select 1')", "the 'evaluate sql_request' plugin");
    }

    @Test
    void operatorsNameThemselves() {
        assertNotSupported("Requests | fork (count) (take 1)", "the 'fork' operator");
        assertNotSupported("Requests | sample 2", "the 'sample' operator");
        assertNotSupported("Requests | top-nested 2 of Host by count()", "the 'top-nested' operator");
        assertNotSupported("Requests | facet by Host", "the 'facet' operator");
    }

    @Test
    void statementsNameThemselves() {
        assertNotSupported("declare query_parameters(n:long = 1);\nRequests | take n", "query parameters");
        assertNotSupported("alias database Other = cluster('https://help.kusto.windows.net').database('Samples');\nRequests | count",
                "the 'alias database Other' statement");
        assertNotSupported("restrict access to (Requests);\nRequests | count", "the 'restrict access' statement");
        assertNotSupported("declare pattern app = (applicationId:string)[eventType:string] { ('a1').['Clicks'] = { Requests }; };\nRequests | count",
                "the 'declare pattern app' statement");
    }

    @Test
    void anUnknownFunctionIsASemanticErrorNotASyntaxError() {
        assertThat(error("Requests | extend c = geo_point_to_s2cell(1.0, 2.0)"))
                .contains("SEM0260").contains("geo_point_to_s2cell").doesNotContainIgnoringCase("syntax");
    }
}
