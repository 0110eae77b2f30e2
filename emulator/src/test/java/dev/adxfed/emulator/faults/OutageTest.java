package dev.adxfed.emulator.faults;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.SdkSession;
import dev.adxfed.emulator.VirtualCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A hub and three partitions in one emulator, the partitions' Cpu tables federated on the hub by functions as the
 * operator writes them. Faults armed on a partition reach the hub's cross-cluster reads, and an unreachable
 * partition is a host that is down: its port refuses connections, and the hub's queries skip it under best_effort
 * and fail with SEM0056 without.
 */
class OutageTest {

    private static Emulator emulator;
    private static VirtualCluster hub;
    private static List<VirtualCluster> partitions;
    private static SdkSession session;

    @BeforeAll
    static void start() {
        try {
            emulator = Emulator.startClusters(4);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        hub = emulator.clusters().get(0);
        partitions = emulator.clusters().subList(1, 4);
        session = new SdkSession(hub.endpoint());
        session.mgmt("Metrics", ".create database Fed volatile");
        String members = String.join(", ", partitions.stream()
                .map(p -> "cluster('" + p.url() + "').database('Metrics')").toList());
        session.mgmt("Fed", ".create-or-alter function with (skipvalidation=\"true\") Cpu() { macro-expand isfuzzy=true best_effort=true"
                + " entity_group [" + members + "] as X ( X.Cpu ) }");
        session.mgmt("Fed", ".create-or-alter function with (skipvalidation=\"true\") CpuStrict() { macro-expand"
                + " entity_group [" + members + "] as X ( X.Cpu ) }");
    }

    @AfterAll
    static void stop() {
        session.assertParsersAgree();
        emulator.close();
    }

    @AfterEach
    void bringEveryPartitionBack() {
        partitions.forEach(p -> p.faults().clear());
    }

    @Test
    void withOneOfThreePartitionsDownTheFuzzyFunctionAnswersWithTheOtherTwoAndTheStrictOneFails() {
        long all = cpuRows(partitions.get(0)) + cpuRows(partitions.get(1)) + cpuRows(partitions.get(2));
        assertThat(count("Cpu | count")).isEqualTo(all);
        VirtualCluster down = partitions.get(1);

        down.faults().inject(Fault.unreachable());

        assertThat(count("Cpu | count")).as("the rows of the two partitions that answer")
                .isEqualTo(cpuRows(partitions.get(0)) + cpuRows(partitions.get(2)));
        assertThat(session.warnings("Fed", "Cpu | count")).as("the partial-result warning names the partition that is down")
                .singleElement().asString().contains(down.url(), "unreachable");
        assertThat(session.queryError("Fed", "CpuStrict | count")).contains("SEM0056", down.url());
        assertThat(down.faults().hits()).as("the hub's reads reached the partition's fault").isPositive();

        down.faults().clear();
        assertThat(count("CpuStrict | count")).as("back once the fault is cleared").isEqualTo(all);
    }

    @Test
    void bestEffortGivenToTheQueryAsASetStatementOrARequestOptionSkipsThePartitionThatIsDown() throws Exception {
        partitions.get(2).faults().inject(Fault.unreachable());
        long others = cpuRows(partitions.get(0)) + cpuRows(partitions.get(1));

        assertThat(count("set best_effort=true;\nCpuStrict | count")).isEqualTo(others);

        Client client = ClientFactory.createClient(new ConnectionStringBuilder(hub.url()));
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setOption("best_effort", true);
        var rows = client.executeQuery("Fed", "CpuStrict | count", properties).getPrimaryResults();
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(0)).isEqualTo(others);
        assertThatThrownBy(() -> client.executeQuery("Fed", "CpuStrict | count", new ClientRequestProperties()))
                .isInstanceOf(DataServiceException.class).hasMessageContaining("SEM0056");
    }

    @Test
    void anUnreachableClusterRefusesConnectionsUntilItsFaultsAreCleared() throws Exception {
        VirtualCluster down = partitions.get(0);
        Client client = ClientFactory.createClient(new ConnectionStringBuilder(down.url()));
        assertThat(client.executeQuery("Metrics", "Cpu | count", null).getPrimaryResults().count()).isEqualTo(1);

        down.faults().inject(Fault.unreachable());

        URI endpoint = down.endpoint();
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close()).isInstanceOf(ConnectException.class);
        // A connection the client pooled before the fault may be the one it tries: the server closed it.
        assertThatThrownBy(() -> client.executeQuery("Metrics", "Cpu | count", null))
                .as("the SDK sees a connection that failed, not an HTTP answer")
                .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof ConnectException || c instanceof PrematureCloseException)
                        .noneMatch(c -> c instanceof DataServiceException d && d.getStatusCode() != null));

        down.faults().clear();
        assertThat(client.executeQuery("Metrics", "Cpu | count", null).getPrimaryResults().count()).isEqualTo(1);
    }

    @Test
    void overHttpAClusterIsTakenDownOnItsOwnPortAndBroughtBackThroughAnother() throws Exception {
        VirtualCluster down = partitions.get(2);
        var http = java.net.http.HttpClient.newHttpClient();
        var arm = http.send(java.net.http.HttpRequest.newBuilder(URI.create(down.url() + "/adxfed/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"unreachable\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(arm.statusCode()).as(arm.body()).isEqualTo(200);
        assertThat(arm.body()).contains("\"kind\":\"unreachable\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(
                () -> new Socket(down.endpoint().getHost(), down.endpoint().getPort()).close()).isInstanceOf(ConnectException.class));

        var listed = http.send(java.net.http.HttpRequest.newBuilder(URI.create(hub.url() + "/adxfed/faults?cluster=" + down.name()))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("\"kind\":\"unreachable\"");
        var cleared = http.send(java.net.http.HttpRequest.newBuilder(URI.create(hub.url() + "/adxfed/faults?cluster=" + down.name()))
                .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.body()).contains("\"faults\":[]");
        new Socket(down.endpoint().getHost(), down.endpoint().getPort()).close();
        assertThat(count("CpuStrict | count")).isEqualTo(cpuRows(partitions.get(0)) + cpuRows(partitions.get(1)) + cpuRows(down));

        var unknown = http.send(java.net.http.HttpRequest.newBuilder(URI.create(hub.url() + "/adxfed/faults?cluster=nowhere"))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no cluster of this emulator is named 'nowhere'");
        var matched = http.send(java.net.http.HttpRequest.newBuilder(URI.create(down.url() + "/adxfed/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"unreachable\",\"match\":\"Cpu\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(matched.statusCode()).isEqualTo(400);
        assertThat(matched.body()).contains("an unreachable fault takes no match");
    }

    @Test
    void errorFaultsOnAPartitionFailTheHubsQueryAsThatPartitionsAnswerWouldAndDelaysHoldIt() {
        VirtualCluster partition = partitions.get(0);
        String read = "cluster('" + partition.url() + "').database('Metrics').Cpu | count";

        partition.faults().inject(Fault.throttle().times(1));
        assertThat(session.queryError("Fed", read)).contains("SEM0056", partition.url(), "throttled");
        assertThat(count(read)).as("the throttle was for one request").isEqualTo(cpuRows(partition));

        partition.faults().inject(Fault.internalError("the partition's node failed (injected)").matching("^Cpu"));
        assertThat(session.queryError("Fed", "Cpu | count")).as("best_effort skips clusters that cannot be reached, not errors")
                .contains("SEM0056", "the partition's node failed (injected)");
        partition.faults().clear();

        partition.faults().inject(Fault.kustoError("SEM0100", "no table named Cpu here (injected)").times(1));
        assertThat(session.queryError("Fed", read)).contains("SEM0100", "no table named Cpu here (injected)");

        partition.faults().inject(Fault.delay(Duration.ofMillis(300)).times(1));
        assertThat(count(read)).as("a delay holds the read, then it runs").isEqualTo(cpuRows(partition));
        assertThat(partition.faults().hits()).as("the delay met the read").isEqualTo(2);
        assertThat(partition.faults().armed()).isEmpty();
    }

    private static long count(String query) {
        return ((Number) session.query("Fed", query).single("Count")).longValue();
    }

    private static long cpuRows(VirtualCluster cluster) {
        return cluster.catalog().database("Metrics").orElseThrow().table("Cpu").orElseThrow().data().rows().size();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
