package dev.adxfed.operator.metrics;

import dev.adxfed.operator.federation.HeartbeatTimes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * How old the heartbeats of one hub's fresh members are: {@code adxfed_heartbeat_age_seconds{hub,stat}}
 * (stat oldest or newest), {@code adxfed_partitions_stale{hub}} (older than {@link #STALE_SHARE_OF_TTL}
 * of the TTL) and {@code adxfed_heartbeat_ttl_seconds{hub}}. Four series per hub whatever its number of
 * partitions. The ages are taken at scrape time from the timestamps of the last pass that read
 * heartbeats, so they keep growing while no pass reads newer ones: a stalled hub read alerts as
 * stale partitions do. With no fresh member the ages read NaN (no heartbeat to be old; no comparison
 * fires) and the stale count 0.
 */
final class HeartbeatAgeGauges {

    /**
     * Seen at scrape time a healthy partition's heartbeat is at most a heartbeat interval plus a
     * federation interval old (20 minutes with the defaults, a third of the default 1h TTL); past
     * half the TTL it has missed heartbeats and is on its way out of the groups.
     */
    static final double STALE_SHARE_OF_TTL = 0.5;

    private final Clock clock;
    private volatile HeartbeatTimes times;

    HeartbeatAgeGauges(MeterRegistry registry, String hub, Clock clock, HeartbeatTimes times) {
        this.clock = clock;
        this.times = times;
        age(registry, hub, "oldest", HeartbeatTimes::oldest);
        age(registry, hub, "newest", HeartbeatTimes::newest);
        Gauge.builder("adxfed.partitions.stale", this, HeartbeatAgeGauges::stale)
                .description("Fresh member partitions whose heartbeat is now older than half the hub's heartbeatTTL")
                .tags("hub", hub).register(registry);
        Gauge.builder("adxfed.heartbeat.ttl", this, g -> g.times.ttl().toMillis() / 1000.0)
                .description("The hub's heartbeatTTL: partitions whose heartbeat is older leave its groups")
                .baseUnit("seconds").tags("hub", hub).register(registry);
    }

    void update(HeartbeatTimes times) {
        this.times = times;
    }

    private void age(MeterRegistry registry, String hub, String stat, Function<HeartbeatTimes, Optional<Instant>> which) {
        Gauge.builder("adxfed.heartbeat.age", this, g -> which.apply(g.times).map(g::secondsSince).orElse(Double.NaN))
                .description("Age of the oldest and the newest heartbeat among the hub's fresh member partitions, at"
                        + " scrape time (NaN: none)")
                .baseUnit("seconds").tags(Tags.of("hub", hub, "stat", stat))
                .register(registry);
    }

    /** A heartbeat dated up to the clock skew ahead is not negative age: it is brand new. */
    private double secondsSince(Instant heartbeat) {
        return Math.max(0, Duration.between(heartbeat, clock.instant()).toMillis() / 1000.0);
    }

    private double stale() {
        HeartbeatTimes current = times;
        long staleMillis = (long) (current.ttl().toMillis() * STALE_SHARE_OF_TTL);
        return current.before(clock.instant().minusMillis(staleMillis));
    }
}
