package dev.adxfed.operator.controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What liveness means here: the process can still make progress. A thread of its own ticks every
 * {@code tick}; the passes report when they start and end. The process is live while the tick is
 * recent (the JVM is not stalled, e.g. thrashing in GC) and no pass has run longer than
 * {@code stuckPassAfter} (a reconcile thread is not wedged; every Kusto call has a timeout, so a pass
 * that long is stuck). It does not ask the Kubernetes API server: an API-server outage stops the
 * informers (readiness) but not the passes, which go on from the cache, and a restart would not help.
 *
 * @see Thresholds
 */
final class ProgressWatchdog implements AutoCloseable {

    /**
     * @param tick           how often the watchdog's own thread ticks
     * @param stalledAfter   how old the last tick may be
     * @param stuckPassAfter how long one pass may run
     */
    record Thresholds(Duration tick, Duration stalledAfter, Duration stuckPassAfter) {
        Thresholds {
            OperatorSettings.interval("watchdog tick", tick);
            OperatorSettings.interval("watchdog stall threshold", stalledAfter);
            OperatorSettings.interval("stuck pass threshold", stuckPassAfter);
            if (stalledAfter.compareTo(tick) <= 0) {
                throw new IllegalArgumentException("the stall threshold must be longer than the tick");
            }
        }

        /** A tick every 5 s, stalled after a minute; a pass is stuck after 30 min (a script's timeout is 2). */
        static Thresholds defaults() {
            return new Thresholds(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30));
        }
    }

    private final Thresholds thresholds;
    private final Clock clock;
    private final Map<String, Instant> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private volatile Instant lastTick;
    private volatile Instant lastPassEnded;

    ProgressWatchdog(Thresholds thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
        this.lastTick = clock.instant();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "adxfed-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long millis = thresholds.tick().toMillis();
        ticker.scheduleAtFixedRate(() -> lastTick = clock.instant(), millis, millis, TimeUnit.MILLISECONDS);
    }

    void passStarted(String resource) {
        running.put(resource, clock.instant());
    }

    void passEnded(String resource) {
        running.remove(resource);
        lastPassEnded = clock.instant();
    }

    /** When a pass last ended, whatever its outcome. */
    Optional<Instant> lastPassEnded() {
        return Optional.ofNullable(lastPassEnded);
    }

    /** Why the process is not live, or empty when it is. */
    Optional<String> problem() {
        Instant now = clock.instant();
        if (Duration.between(lastTick, now).compareTo(thresholds.stalledAfter()) > 0) {
            return Optional.of("the watchdog last ticked at " + lastTick);
        }
        return running.entrySet().stream()
                .filter(pass -> Duration.between(pass.getValue(), now).compareTo(thresholds.stuckPassAfter()) > 0)
                .findFirst().map(pass -> "the pass of " + pass.getKey() + " has run since " + pass.getValue());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
