package dev.adxfed.operator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Azure examples through {@code plan}, as a new user runs them before changing anything: in a process of its
 * own whose host names resolve from an empty hosts file, so that the answer does not depend on this machine's DNS
 * and no call leaves it, with no Azure sign-in (no AZURE_* variables, a home without an Azure CLI login). The plan
 * must say what the example needs: its cluster's real endpoint and an Azure sign-in.
 */
class AzureExamplesPlanTest {

    @TempDir
    Path dir;

    @Test
    void theHubExampleNamesItsSignInAndItsUnknownHost() throws Exception {
        Run plan = plan("deploy/examples/federated.yaml");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).as(plan.toString())
                .contains("// hub (https://hub.westeurope.kusto.windows.net): 0 partition(s) heartbeating within 1h30m\n"
                        + "//   signs in with the default Azure credential: run az login on a workstation")
                .contains("// failed: hub.showDatabases failed on https://hub.westeurope.kusto.windows.net: its host name is"
                        + " not known (DNS has no such name): check the endpoint");
        assertThat(plan.err()).as("said once, in the plan").isEqualTo("adxfed plan: some reads failed (listed above):"
                + " the plan may be incomplete\n");
    }

    @Test
    void thePartitionExampleNamesBothIdentitiesAndItsUnknownHost() throws Exception {
        Run plan = plan("deploy/examples/partition.yaml");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).as(plan.toString())
                .contains("// metrics-westeurope (https://metrics-westeurope.westeurope.kusto.windows.net): partition whose"
                        + " schema could not be read; a sync heartbeats into 1 target(s)\n"
                        + "//   signs in with the default Azure credential")
                .contains("// to https://hub.westeurope.kusto.windows.net FederationHeartbeats.Heartbeat: nothing\n"
                        + "//   signs in with managed identity 11111111-2222-3333-4444-555555555555: it signs in only on an"
                        + " Azure VM or AKS node that has this identity assigned")
                .contains("// failed: schema: schema.showDatabases failed on"
                        + " https://metrics-westeurope.westeurope.kusto.windows.net: its host name is not known")
                .doesNotContain("no schema read yet");
        assertThat(plan.out() + plan.err()).as("docs/operations.md shows it as printed")
                .isEqualTo(transcript("docs/operations.md", "$ adxfed plan -f deploy/examples/partition.yaml"));
    }

    /** The lines a page shows after {@code command}, up to the end of its code block. */
    private static String transcript(String page, String command) throws IOException {
        List<String> lines = Files.readAllLines(RepositoryRoot.path(page));
        int at = lines.indexOf(command);
        assertThat(at).as(page + " shows " + command).isNotNegative();
        StringBuilder shown = new StringBuilder();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("```")) {
                break;
            }
            shown.append(line).append('\n');
        }
        return shown.toString();
    }

    @Test
    void theProvisionedExampleSaysWhichSignInAzureResourceManagerNeedsAndWhereToTryItLocally() throws Exception {
        Run plan = plan("deploy/examples/adx-mon-provisioned.yaml");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).as(plan.toString()).startsWith("// provisioned: Azure Resource Manager could not be read:"
                        + " NoToken: no token for https://management.azure.com: signs in with the default Azure credential:"
                        + " run az login on a workstation")
                .contains("give --arm-endpoint the Azure Resource Manager that adxfed emulator prints");
        assertThat(plan.err()).as("said once: no Azure SDK log lines").isEqualTo("adxfed plan: some reads failed (listed"
                + " above): the plan may be incomplete\n");
    }

    private Run plan(String example) throws IOException, InterruptedException {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
        Path home = Files.createDirectories(dir.resolve("home"));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"), Adxfed.class.getName(),
                "plan", "-f", RepositoryRoot.path(example).toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()));
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("plan of " + example + " ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
