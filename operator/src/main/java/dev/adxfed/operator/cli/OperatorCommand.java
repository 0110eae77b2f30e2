package dev.adxfed.operator.cli;

import dev.adxfed.operator.controller.OperatorRuntime;
import dev.adxfed.operator.controller.OperatorSettings;
import dev.adxfed.operator.provision.ArmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code adxfed operator}: runs the ADXCluster operator against a Kubernetes API server until stopped. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Reconciles ADXCluster resources in Kubernetes: partitions heartbeat, federated clusters federate."
                + " Serves /metrics on --metrics-port, /livez, /readyz and /healthz on --health-port.")
final class OperatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    OperatorOptions options;

    @Mixin
    ArmOptions arm;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, InterruptedException {
        OperatorSettings settings = options.settings(arm.settings(ArmSettings.DEFAULT.passWait()));
        Logging.format(options.logFormat);
        try (OperatorRuntime runtime = start(settings)) {
            spec.commandLine().getOut().printf("adxfed operator: watching ADXClusters in %s; metrics on :%d, probes on :%d%n",
                    settings.namespaces().isEmpty() ? "all namespaces" : String.join(", ", settings.namespaces()),
                    runtime.metricsPort(), runtime.healthPort());
            spec.commandLine().getOut().flush();
            awaitStop(settings.runtime().terminationTimeout());
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private static OperatorRuntime start(OperatorSettings settings) throws IOException {
        try {
            return OperatorRuntime.start(settings);
        } catch (BindException e) {
            throw new CommandFailure("--metrics-port " + settings.metricsPort() + " or --health-port " + settings.healthPort()
                    + " is in use: " + e.getMessage(), CommandFailure.USAGE, e);
        }
    }

    /**
     * Until SIGTERM or Ctrl-C (or {@link #stop()}); the shutdown hook then waits for the operator to stop: running
     * passes get the termination timeout, the Lease release and the servers a little more.
     */
    private void awaitStop(Duration terminationTimeout) throws InterruptedException {
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(terminationTimeout.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "operator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopRequested.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it waits for stopped.
        }
    }

    /** Stops a running operator as SIGTERM would; for tests, which cannot send signals to their own JVM. */
    void stop() {
        stopRequested.countDown();
    }
}
