package dev.adxfed.operator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code adxfed_partitions_live{hub,database}} of one hub. Databases come from heartbeats other
 * clusters write, so the series are bounded: at most {@link OperatorMetrics#DATABASE_LABELS}
 * databases, those of the current topology first. A database that loses its last partition reads 0
 * (until the bound needs its place, the longest gone first) instead of vanishing, so an alert
 * comparing the gauge with its recent maximum sees it drop.
 */
final class LivePartitionsGauge {

    private final MultiGauge gauge;
    /** Every database with a series, in the order it was last live: the longest gone first. */
    private final Map<String, Integer> shown = new LinkedHashMap<>();

    LivePartitionsGauge(MeterRegistry registry) {
        gauge = MultiGauge.builder("adxfed.partitions.live")
                .description("Partitions with a fresh heartbeat, by hub and database (0: the database lost its last one)")
                .register(registry);
    }

    /** @param live partitions per database of the topology just read, sorted; only the first ones are labelled */
    synchronized void update(String hub, SortedMap<String, Integer> live) {
        List<String> labelled = live.keySet().stream().limit(OperatorMetrics.DATABASE_LABELS).toList();
        shown.replaceAll((database, partitions) -> 0);
        for (String database : labelled) {
            shown.remove(database);
            shown.put(database, live.get(database));
        }
        var gone = shown.entrySet().iterator();
        while (shown.size() > OperatorMetrics.DATABASE_LABELS && gone.hasNext()) {
            gone.next();
            gone.remove();
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        shown.forEach((database, partitions) ->
                rows.add(MultiGauge.Row.of(Tags.of("hub", hub, "database", database), partitions)));
        gauge.register(rows, true);
    }
}
