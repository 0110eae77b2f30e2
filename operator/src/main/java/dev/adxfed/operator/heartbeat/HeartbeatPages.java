package dev.adxfed.operator.heartbeat;

/**
 * How many pages the hub reads its heartbeats in, from the size query's count and bytes: enough that
 * no page's response comes near Kusto's result limits (500,000 records, 64 MB). Pages split the
 * partitions by {@code hash(ClusterEndpoint, pages)}, which is uneven, so each page is sized for half
 * of its bound: a page reaches the bound only if its hash bucket holds twice its share.
 *
 * @param maxRows  the most rows (partitions) one response may hold
 * @param maxBytes the most bytes one response may hold
 */
public record HeartbeatPages(long maxRows, long maxBytes) {

    /** Well under Kusto's limits: a sixth of its record count, a quarter of its size. */
    public static final HeartbeatPages DEFAULT = new HeartbeatPages(100_000, 16L * 1024 * 1024);

    public HeartbeatPages {
        if (maxRows < 2 || maxBytes < 2) {
            throw new IllegalArgumentException("a heartbeat page must allow at least 2 rows and 2 bytes");
        }
    }

    /** @return the number of pages, at least 1 */
    public int pages(long partitions, long bytes) {
        long byRows = ceilDiv(Math.max(partitions, 0), maxRows / 2);
        long byBytes = ceilDiv(Math.max(bytes, 0), maxBytes / 2);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.max(byRows, byBytes)));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
