package dev.adxfed.emulator;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorCommandTest {

    @Test
    void badOptionsAreUsageErrorsThatSayWhatIsWrong() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EmulatorCommand()).setErr(new PrintWriter(err));

        assertThat(cli.execute("--clusters", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--clusters must be at least 1, got 0");

        assertThat(cli.execute("--config", "/no/such/file.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read --config /no/such/file.yaml");

        assertThat(cli.execute("--provisioning-delay-ms", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("arm.provisioningDelayMillis cannot be negative, got -5");
    }

    @Test
    void theWelcomeNamesEachClusterAndTheArmEndpointOnLinesOfTheirOwn() throws Exception {
        try (Emulator emulator = Emulator.startClusters(2)) {
            StringWriter out = new StringWriter();
            EmulatorCommand.printWelcome(emulator, new PrintWriter(out));
            List<String> lines = out.toString().lines().toList();

            // As .ci/run reads it: a cluster's line has its name, then its URL; the ARM line is not one of them.
            Map<String, String> clusters = new LinkedHashMap<>();
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 1 && fields[1].startsWith("http:")) {
                    clusters.put(fields[0], fields[1]);
                }
            }
            assertThat(clusters).containsExactly(Map.entry("eastus", emulator.clusters().get(0).url()),
                    Map.entry("westeurope", emulator.clusters().get(1).url()));
            assertThat(lines).contains("Azure Resource Manager: " + emulator.armEndpoint());
            assertThat(emulator.armEndpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("Press Ctrl-C to stop.");
        }
    }

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("--clusters=N", "--config=FILE", "--data-dir=DIR", "--port=PORT", "--arm-port=PORT",
                "--provisioning-delay-ms=MILLIS");
    }
}
