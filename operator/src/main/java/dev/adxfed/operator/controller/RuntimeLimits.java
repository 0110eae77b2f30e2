package dev.adxfed.operator.controller;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

import java.time.Duration;

/**
 * How much the operator does at once and how it hands over: the passes that may run at the same time
 * (each federation pass holds its hub's heartbeats and plan in memory, so this bounds the heap), the
 * Lease's timings, and how long a stop waits for running passes to finish.
 *
 * @param maxConcurrentReconciles passes that may run at once
 * @param leaseDuration           how long a Lease holds without renewal before another replica may take it
 * @param renewDeadline           how long the holder keeps trying to renew before it gives the Lease up
 * @param retryPeriod             how often candidates try to take the Lease and the holder renews it
 * @param terminationTimeout      how long a stop waits for running passes before it abandons them
 */
public record RuntimeLimits(int maxConcurrentReconciles, Duration leaseDuration, Duration renewDeadline,
                            Duration retryPeriod, Duration terminationTimeout) {

    /**
     * Three passes at once: three federation passes over 1,000 partitions each completed together in a 256 MiB
     * heap (bench --hubs-at-once, docs/operator.md), well within the 576 MiB heap of a 768 MiB container at 75 %.
     */
    public static final int DEFAULT_MAX_CONCURRENT_RECONCILES = 3;
    /** Longer than a script's stage timeout (2 min): a pass running at SIGTERM normally finishes. */
    public static final Duration DEFAULT_TERMINATION_TIMEOUT = Duration.ofSeconds(150);

    public RuntimeLimits {
        if (maxConcurrentReconciles < 1) {
            throw new IllegalArgumentException("max concurrent reconciles must be at least 1, got " + maxConcurrentReconciles);
        }
        OperatorSettings.interval("lease duration", leaseDuration);
        OperatorSettings.interval("lease renew deadline", renewDeadline);
        OperatorSettings.interval("lease retry period", retryPeriod);
        OperatorSettings.interval("termination timeout", terminationTimeout);
        // The same rules client-go and fabric8 apply, named by the options that break them.
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("lease renew deadline (" + renewDeadline
                    + ") must be shorter than the lease duration (" + leaseDuration + ")");
        }
        if (retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new IllegalArgumentException("lease retry period (" + retryPeriod
                    + ") must be shorter than the lease renew deadline (" + renewDeadline + ")");
        }
    }

    /** JOSDK's lease timings (15 s, 10 s, 2 s) and the defaults above. */
    public static RuntimeLimits defaults() {
        return new RuntimeLimits(DEFAULT_MAX_CONCURRENT_RECONCILES, LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE, LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                DEFAULT_TERMINATION_TIMEOUT);
    }

    public RuntimeLimits withLeaseTimings(Duration duration, Duration renewDeadline, Duration retryPeriod) {
        return new RuntimeLimits(maxConcurrentReconciles, duration, renewDeadline, retryPeriod, terminationTimeout);
    }
}
