package dev.adxfed.operator.cli;

import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmEndpoint;
import dev.adxfed.operator.provision.ArmSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** Where spec.provision reaches Azure Resource Manager: shared by {@code sync}, {@code plan} and {@code operator}. */
final class ArmOptions {

    static final Duration LOCAL_POLL_INTERVAL = Duration.ofMillis(500);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--arm-endpoint", paramLabel = "URL", defaultValue = ArmEndpoint.PUBLIC_CLOUD,
            description = "Azure Resource Manager endpoint for spec.provision (default: ${DEFAULT-VALUE}); a plain-http"
                    + " loopback URL such as the emulator's http://127.0.0.1:PORT is sent no token.")
    String armEndpoint;

    @Option(names = "--arm-managed-identity-client-id", paramLabel = "ID",
            description = "Sign in to Azure Resource Manager as this user-assigned managed identity (default: workload"
                    + " identity when its environment is set, else the default Azure credential chain).")
    String managedIdentityClientId;

    /** @param wait how long one pass follows a long-running operation before leaving it to the next */
    ArmSettings settings(Duration wait) {
        try {
            ArmEndpoint endpoint = ArmEndpoint.parse(armEndpoint);
            // A local endpoint costs nothing to poll; Azure's long-running operations take minutes.
            Duration poll = endpoint.plainLoopback() ? LOCAL_POLL_INTERVAL : ArmClient.POLL_INTERVAL;
            return new ArmSettings(endpoint, managedIdentityClientId, poll, wait);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--arm-endpoint: " + e.getMessage());
        }
    }
}
