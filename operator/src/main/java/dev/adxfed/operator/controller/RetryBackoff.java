package dev.adxfed.operator.controller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to reconcile a resource again: after its interval when the pass went well, sooner after a
 * failure a retry can cure (the first retry after {@code first}, then twice as long each time, never
 * longer than the interval). Counts live in memory: a restarted operator retries soon again.
 */
final class RetryBackoff {

    private final Duration first;
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();

    RetryBackoff(Duration first) {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first retry must be positive, got " + first);
        }
        this.first = first;
    }

    /** @param resource a key of the resource (its uid), so that a recreated one starts over */
    Duration next(String resource, boolean failed, Duration interval) {
        if (!failed) {
            failuresInARow.remove(resource);
            return interval;
        }
        int failures = failuresInARow.merge(resource, 1, Integer::sum);
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(interval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(interval) < 0 ? delay : interval;
    }

    /** The resource is gone or no longer ours: forget its count. */
    void forget(String resource) {
        failuresInARow.remove(resource);
    }
}
