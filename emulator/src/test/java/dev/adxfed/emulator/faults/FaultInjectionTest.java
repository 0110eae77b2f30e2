package dev.adxfed.emulator.faults;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.VirtualCluster;
import dev.adxfed.emulator.commands.CommandLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The fault switch, armed from Java and over HTTP, as the official Kusto SDK sees its effects. */
class FaultInjectionTest {

    static Emulator emulator;
    static VirtualCluster cluster;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.startClusters(2);
        cluster = emulator.clusters().get(0);
        client = ClientFactory.createClient(new ConnectionStringBuilder(cluster.url()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void disarm() {
        cluster.faults().clear();
    }

    @Test
    void aKustoErrorAnswersMatchingRequestsForTheNextNOnlyOnThisCluster() throws Exception {
        cluster.faults().inject(Fault.kustoError("SEM0100", "'Cpu' could not be resolved (injected)")
                .matching("^\\.show tables").times(2));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.executeMgmt("Metrics", ".show tables", null))
                    .isInstanceOfSatisfying(DataServiceException.class, e -> {
                        assertThat(e.getMessage()).contains("'Cpu' could not be resolved (injected)");
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.isPermanent()).isTrue();
                    });
        }
        assertThat(names(client.executeMgmt("Metrics", ".show databases", null).getPrimaryResults(), "DatabaseName"))
                .as("a request that does not match runs").contains("Metrics");
        assertThat(names(client.executeMgmt("Metrics", ".show tables", null).getPrimaryResults(), "TableName"))
                .as("after two matching requests the fault is disarmed").contains("Cpu", "Memory");
        assertThat(cluster.faults().armed()).isEmpty();
        assertThat(cluster.faults().hits()).isEqualTo(2);

        Client other = ClientFactory.createClient(new ConnectionStringBuilder(emulator.clusters().get(1).url()));
        cluster.faults().inject(Fault.kustoError("SEM0100", "injected"));
        assertThat(names(other.executeMgmt("Metrics", ".show tables", null).getPrimaryResults(), "TableName"))
                .as("another cluster of the same emulator is not affected").contains("Cpu");
    }

    @Test
    void throttlingIs429WhichTheSdkRaisesAsAThrottleException() {
        emulator.faults(cluster.name()).inject(Fault.throttle().matching("summarize"));

        assertThatThrownBy(() -> client.executeQuery("Metrics", "Cpu | summarize count()", null))
                .isInstanceOf(ThrottleException.class);
        assertThatThrownBy(() -> client.executeMgmt("Metrics", ".show tables | summarize count()", null))
                .isInstanceOf(ThrottleException.class);
        assertThat(cluster.faults().hits()).isEqualTo(2);
    }

    @Test
    void anInternalErrorIs500AndNotPermanent() {
        cluster.faults().inject(Fault.internalError("the node ran out of memory (injected)"));

        assertThatThrownBy(() -> client.executeQuery("Metrics", "Cpu | take 1", null))
                .isInstanceOfSatisfying(DataServiceException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(500);
                    assertThat(e.isPermanent()).isFalse();
                    assertThat(e.getMessage()).contains("the node ran out of memory (injected)");
                });
    }

    @Test
    void aDelayLongerThanTheClientsTimeoutTimesTheClientOutAndTheRequestStillRunsLater() {
        assertThat(names(client.executeMgmt("Metrics", ".show tables", null).getPrimaryResults(), "TableName"))
                .as("a warm client, so that the timeout below is spent in the delay").contains("Cpu");
        cluster.faults().inject(Fault.delay(Duration.ofSeconds(3)).matching("^\\.create table Delayed").times(1));

        assertThatThrownBy(() -> client.executeMgmtAsync("Metrics", ".create table Delayed (a:long)", null)
                .timeout(Duration.ofSeconds(1)).block())
                .satisfies(e -> assertThat(Exceptions.unwrap(e)).isInstanceOf(TimeoutException.class));

        // The command is logged just after its change is published: wait for both.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cluster.catalog().database("Metrics").orElseThrow().table("Delayed"))
                    .as("held, then run, as a server does after its client gave up").isPresent();
            assertThat(cluster.log().entries()).extracting(CommandLog.Entry::text).contains(".create table Delayed (a:long)");
        });
    }

    @Test
    void matchingCommandsOfADatabaseScriptFailWithTheReasonAndTheOthersRun() throws Exception {
        cluster.faults().inject(Fault.failScriptCommands("function commands are refused (injected)")
                .matching("^\\.create-or-alter function"));

        KustoResultSetTable rows = client.executeMgmt("Metrics", String.join("\n",
                ".execute database script with (ContinueOnErrors=true) <|",
                ".create-or-alter function CpuA() { Cpu }",
                ".create table ScriptTable (a:long)",
                ".create-or-alter function CpuB() { Cpu }"), null).getPrimaryResults();

        List<String> results = new ArrayList<>();
        while (rows.next()) {
            results.add(rows.getString("Result") + " " + rows.getString("CommandText") + " " + rows.getString("Reason"));
        }
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).startsWith("Failed .create-or-alter function CpuA").contains("function commands are refused (injected)");
        assertThat(results.get(1)).startsWith("Completed .create table ScriptTable");
        assertThat(results.get(2)).startsWith("Failed .create-or-alter function CpuB");
        assertThat(cluster.catalog().database("Metrics").orElseThrow().functions()).doesNotContainKeys("CpuA", "CpuB");
        assertThat(cluster.catalog().database("Metrics").orElseThrow().table("ScriptTable")).isPresent();

        assertThat(names(client.executeMgmt("Metrics", ".create-or-alter function CpuA() { Cpu }", null).getPrimaryResults(), "Name"))
                .as("a script fault leaves commands outside scripts alone").containsExactly("CpuA");
    }

    @Test
    void overHttpPostArmsGetListsAndDeleteDisarms() throws Exception {
        HttpResponse<String> armed = http("POST", "{\"kind\":\"kustoError\",\"match\":\"^\\\\.show functions\",\"times\":3,"
                + "\"code\":\"BadRequest_EntityNotFound\",\"message\":\"functions are gone (injected)\"}");
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(armed.body()).contains("\"kind\":\"kustoError\"", "\"remaining\":3");

        assertThatThrownBy(() -> client.executeMgmt("Metrics", ".show functions", null))
                .isInstanceOf(DataServiceException.class).hasMessageContaining("functions are gone (injected)");
        assertThat(http("GET", null).body()).contains("\"remaining\":2", "\"hits\":1");

        http("POST", "{\"kind\":\"throttle\"}");
        assertThatThrownBy(() -> client.executeQuery("Metrics", "Cpu | take 1", null)).isInstanceOf(ThrottleException.class);

        HttpResponse<String> cleared = http("DELETE", null);
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(cleared.body()).contains("\"faults\":[]");
        assertThat(names(client.executeMgmt("Metrics", ".show functions", null).getPrimaryResults(), "Name")).isNotNull();
    }

    @Test
    void overHttpABadFaultIsA400ThatSaysWhatIsWrong() throws Exception {
        assertThat(http("POST", "{\"kind\":\"slow\"}").body()).contains("unknown fault kind 'slow'", "throttle");
        assertThat(http("POST", "{\"kind\":\"delay\",\"delay\":5}").body()).contains("delay", "fields: kind, match");
        assertThat(http("POST", "{\"kind\":\"delay\"}").body()).contains("a delay fault needs a positive delay");
        assertThat(http("POST", "{\"kind\":\"kustoError\",\"code\":\"SEM0100\"}").body()).contains("a fault needs a message");
        HttpResponse<String> badRegex = http("POST", "{\"kind\":\"throttle\",\"match\":\"(\"}");
        assertThat(badRegex.statusCode()).isEqualTo(400);
        assertThat(badRegex.body()).contains("is not a valid regular expression");
        assertThat(cluster.faults().armed()).as("nothing armed by a bad request").isEmpty();
    }

    static HttpResponse<String> http(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + "/adxfed/faults"));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> names(KustoResultSetTable table, String column) {
        List<String> names = new ArrayList<>();
        while (table.next()) {
            names.add(table.getString(column));
        }
        return names;
    }
}
