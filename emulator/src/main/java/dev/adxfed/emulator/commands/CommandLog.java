package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The record of every command and query one cluster executed, for {@code .show commands-and-queries}.
 * Bounded: the oldest entries go first, as ADX keeps only a window too.
 */
public final class CommandLog {

    /** How one request ended: {@code Completed} or {@code Failed}. */
    public enum State { Completed, Failed }

    /** One executed command or query; {@code commandType} is {@code Query} for queries. */
    public record Entry(String clientActivityId, String commandType, String text, String database,
                        Instant startedOn, Instant lastUpdatedOn, State state, String failureReason,
                        UUID rootActivityId, String user, String application, JsonNode clientRequestProperties) {}

    static final List<Column> COLUMNS = List.of(
            new Column("ClientActivityId", ScalarType.STRING),
            new Column("CommandType", ScalarType.STRING),
            new Column("Text", ScalarType.STRING),
            new Column("Database", ScalarType.STRING),
            new Column("StartedOn", ScalarType.DATETIME),
            new Column("LastUpdatedOn", ScalarType.DATETIME),
            new Column("Duration", ScalarType.TIMESPAN),
            new Column("State", ScalarType.STRING),
            new Column("FailureReason", ScalarType.STRING),
            new Column("RootActivityId", ScalarType.GUID),
            new Column("User", ScalarType.STRING),
            new Column("Application", ScalarType.STRING),
            new Column("Principal", ScalarType.STRING),
            new Column("ClientRequestProperties", ScalarType.DYNAMIC),
            new Column("TotalCpu", ScalarType.TIMESPAN),
            new Column("MemoryPeak", ScalarType.LONG),
            new Column("CacheStatistics", ScalarType.DYNAMIC),
            new Column("ScannedExtentsStatistics", ScalarType.DYNAMIC),
            new Column("ResultSetStatistics", ScalarType.DYNAMIC),
            new Column("WorkloadGroup", ScalarType.STRING));

    private static final int CAPACITY = 10_000;

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void record(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The log as {@code .show commands-and-queries} returns it, oldest first. */
    public ResultTable table() {
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries()) {
            rows.add(new Object[] {e.clientActivityId(), e.commandType(), e.text(), e.database(),
                    e.startedOn(), e.lastUpdatedOn(), Duration.between(e.startedOn(), e.lastUpdatedOn()),
                    e.state().name(), e.failureReason(), e.rootActivityId(), e.user(), e.application(),
                    e.user(), e.clientRequestProperties(), Duration.between(e.startedOn(), e.lastUpdatedOn()),
                    0L, null, null, null, "default"});
        }
        return new ResultTable(COLUMNS, rows);
    }
}
