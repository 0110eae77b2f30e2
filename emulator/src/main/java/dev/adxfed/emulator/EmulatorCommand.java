package dev.adxfed.emulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code adxfed emulator}: starts local Kusto clusters and serves until interrupted. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Starts local Kusto-compatible clusters (each on its own port) that the official Kusto SDKs talk to,"
                + " and a local Azure Resource Manager for Microsoft.Kusto that makes more.")
public final class EmulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--clusters", paramLabel = "N", defaultValue = "3",
            description = "How many clusters with sample data to start (default: ${DEFAULT-VALUE}); ignored with --config.")
    private int clusters;

    @Option(names = "--hub",
            description = "Also start an empty cluster named hub, on the port after the sample clusters, to federate them"
                    + " into (see docs/walkthrough.md); ignored with --config.")
    private boolean hub;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file listing clusters, ports, databases, tables, rows and setup commands (see docs/emulator.md).")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep each cluster's databases in DIR so they survive a restart (default: in memory only).")
    private Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the first sample cluster; the next ones use the following ports; 0 picks free ports (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--arm-port", paramLabel = "PORT",
            description = "Port of the local Azure Resource Manager endpoint; 0 picks a free port (default: the config's, else 0).")
    private Integer armPort;

    @Option(names = "--provisioning-delay-ms", paramLabel = "MILLIS",
            description = "How long the local Azure Resource Manager keeps each long-running operation in progress"
                    + " (default: the config's, else 1000; 0 finishes them at once).")
    private Long provisioningDelayMillis;

    @Override
    public Integer call() throws IOException, InterruptedException {
        EmulatorConfig chosen = config != null ? readConfig() : sample();
        if (dataDir != null) {
            chosen = chosen.withDataDir(dataDir);
        }
        if (armPort != null || provisioningDelayMillis != null) {
            chosen = chosen.withArm(armSettings(chosen.arm()));
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(chosen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        printWelcome(emulator, spec.commandLine().getOut());
        stopped.await();
        return 0;
    }

    private EmulatorConfig sample() {
        try {
            EmulatorConfig sample = EmulatorConfig.sample(clusters, port, dataDir);
            return hub ? sample.withEmptyHub() : sample;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private EmulatorConfig.ArmConfig armSettings(EmulatorConfig.ArmConfig configured) {
        try {
            return new EmulatorConfig.ArmConfig(armPort != null ? armPort : configured.port(),
                    provisioningDelayMillis != null ? provisioningDelayMillis : configured.provisioningDelayMillis());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private EmulatorConfig readConfig() {
        try {
            return EmulatorConfig.readYaml(config);
        } catch (IOException | RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --config " + config + ": " + e.getMessage());
        }
    }

    /** What scripts read: one line per cluster (name, then URL), the ARM line, and last the line that says it is up. */
    static void printWelcome(Emulator emulator, PrintWriter out) {
        out.printf("adxfed emulator: %d Kusto cluster(s) running (no authentication)%n", emulator.clusters().size());
        for (VirtualCluster c : emulator.clusters()) {
            out.printf("  %-15s %s   databases: %s%n", c.name(), c.url(),
                    String.join(", ", c.catalog().snapshot().databases().keySet()));
        }
        out.printf("Azure Resource Manager: %s%n", emulator.armEndpoint());
        String first = emulator.endpoint().toString();
        out.printf("%nTry it with any Kusto client (connection string: %s), or with curl:%n", first);
        out.printf("  curl -s %s/v1/rest/mgmt -d '{\"db\":\"Metrics\",\"csl\":\".show tables\"}'%n", first);
        out.printf("  curl -s %s/v2/rest/query -d '{\"db\":\"Metrics\",\"csl\":\"Cpu | where Timestamp > ago(1h) | count\"}'%n", first);
        out.printf("Make a cluster fail, for tests (see docs/emulator.md, Fault injection):%n");
        out.printf("  curl -s %s/adxfed/faults -d '{\"kind\":\"throttle\",\"times\":1}'   (DELETE to clear)%n", first);
        out.printf("Make a Kusto cluster through Azure Resource Manager (see docs/emulator.md, Local Azure Resource Manager):%n");
        out.printf("  curl -s -X POST '%s/subscriptions/local/providers/Microsoft.Kusto/register?api-version=2021-04-01'%n", emulator.armEndpoint());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
