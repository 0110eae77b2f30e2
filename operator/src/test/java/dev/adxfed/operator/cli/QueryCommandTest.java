package dev.adxfed.operator.cli;

import dev.adxfed.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCommandTest {

    private static Emulator emulator;
    private static String endpoint;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.startClusters(1);
        endpoint = emulator.endpoint().toString();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void managementCommandPrintsItsResultAsATable() {
        Run run = Run.adxfed("query", "--endpoint", endpoint, "--database", "Metrics", ".show tables");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("TableName").contains("DatabaseName");
        assertThat(lines[1]).matches("[- ]+");
        assertThat(run.out()).containsPattern("(?m)^Cpu +Metrics").containsPattern("(?m)^Memory +Metrics").endsWith("(2 rows)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void queryPrintsItsRows() {
        Run run = Run.adxfed("query", "--endpoint", endpoint, "--database", "Metrics",
                "Cpu | summarize Samples = count() by Host | order by Host asc");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^Host +Samples$")
                .containsPattern("(?m)^eastus-web-1 +12$").containsPattern("(?m)^eastus-web-2 +12$").endsWith("(2 rows)\n");
    }

    @Test
    void kustoErrorIsShownWithItsTextAndNoStackTrace() {
        Run run = Run.adxfed("query", "--endpoint", endpoint, "--database", "NoSuchDatabase", ".show tables");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("adxfed query: Kusto error from " + endpoint + ": ").contains("NoSuchDatabase")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = Run.adxfed("query", "--verbose", "--endpoint", endpoint, "--database", "NoSuchDatabase", ".show tables");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Kusto error from " + endpoint).contains("\tat ");
    }

    @Test
    void unreachableEndpointSaysSo() throws IOException {
        String closed = EmulatedFederation.closedEndpoint();

        Run run = Run.adxfed("query", "--endpoint", closed, "--database", "Metrics", ".show tables");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("adxfed query: cannot reach " + closed + ": connection refused:"
                + " check the endpoint and that the cluster is running\n");
    }

    @Test
    void endpointThatIsNotAnHttpUrlIsAUsageError() {
        Run run = Run.adxfed("query", "--endpoint", "mycluster.kusto.windows.net", "--database", "Metrics", ".show tables");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--endpoint: 'mycluster.kusto.windows.net' is not an http(s) URL");
    }

    @Test
    void missingDatabaseAndBadTimeoutAreNamed() {
        Run noDatabase = Run.adxfed("query", "--endpoint", endpoint, ".show tables");
        Run badTimeout = Run.adxfed("query", "--endpoint", endpoint, "--database", "Metrics", "--timeout", "soon", ".show tables");

        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("--database");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("'soon' is not hours, minutes and seconds like 30s, 10m or 1h30m");
    }
}
