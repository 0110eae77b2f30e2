package dev.adxfed.operator.provision;

import dev.adxfed.operator.arm.ArmClient;
import dev.adxfed.operator.arm.ArmEndpoint;

import java.time.Duration;

/**
 * How provisioning reaches Azure Resource Manager.
 *
 * @param endpoint                the ARM endpoint (the public cloud's by default; the emulator's for local work)
 * @param managedIdentityClientId a user-assigned managed identity to sign in as; null for workload identity or the
 *                                default chain
 * @param pollInterval            how often a long-running operation is polled when ARM sends no Retry-After
 * @param passWait                how long one pass follows a long-running operation before leaving it to the next
 */
public record ArmSettings(ArmEndpoint endpoint, String managedIdentityClientId, Duration pollInterval, Duration passWait) {

    /** The operator's: the public cloud, polled every 10 s, each pass waiting at most a minute. */
    public static final ArmSettings DEFAULT = new ArmSettings(ArmEndpoint.DEFAULT, null, ArmClient.POLL_INTERVAL,
            Duration.ofMinutes(1));

    public ArmClient client() {
        return ArmClient.create(endpoint, managedIdentityClientId, pollInterval);
    }
}
