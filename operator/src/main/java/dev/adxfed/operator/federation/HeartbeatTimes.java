package dev.adxfed.operator.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * When the fresh members of one pass last heartbeated, and the TTL they are fresh within: one long
 * per partition, sorted, so that the oldest, the newest and how many are older than a moment can be
 * read later against any clock (the metrics age them at scrape time) without keeping the
 * partitions. Held departures are not among them: they are past the TTL already and counted apart.
 */
public final class HeartbeatTimes {

    private final long[] epochMillis;
    private final Duration ttl;

    private HeartbeatTimes(long[] epochMillis, Duration ttl) {
        this.epochMillis = epochMillis;
        this.ttl = ttl;
    }

    public static HeartbeatTimes of(Collection<Instant> timestamps, Duration ttl) {
        long[] millis = timestamps.stream().mapToLong(Instant::toEpochMilli).sorted().toArray();
        return new HeartbeatTimes(millis, ttl);
    }

    /** No fresh member (or the heartbeats were not read). */
    public static HeartbeatTimes none(Duration ttl) {
        return new HeartbeatTimes(new long[0], ttl);
    }

    public Duration ttl() {
        return ttl;
    }

    public int partitions() {
        return epochMillis.length;
    }

    public Optional<Instant> oldest() {
        return epochMillis.length == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(epochMillis[0]));
    }

    public Optional<Instant> newest() {
        return epochMillis.length == 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(epochMillis[epochMillis.length - 1]));
    }

    /** How many heartbeated before {@code moment}, found by a binary search: scrapes cost no scan. */
    public int before(Instant moment) {
        long key = moment.toEpochMilli();
        int low = 0;
        int high = epochMillis.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (epochMillis[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeartbeatTimes other && ttl.equals(other.ttl) && Arrays.equals(epochMillis, other.epochMillis);
    }

    @Override
    public int hashCode() {
        return 31 * ttl.hashCode() + Arrays.hashCode(epochMillis);
    }

    @Override
    public String toString() {
        return "HeartbeatTimes[" + epochMillis.length + " partitions, oldest " + oldest().map(Instant::toString).orElse("none")
                + ", newest " + newest().map(Instant::toString).orElse("none") + ", ttl " + ttl + "]";
    }
}
