package dev.adxfed.emulator.server;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The size of every response one cluster sent: bytes of the HTTP body and rows of its primary result, so a
 * benchmark in another process learns what a client really downloaded ({@code GET /adxfed/responses?from=N}).
 * Only the latest {@value #KEPT} responses are kept.
 */
final class ResponseLog {

    static final int KEPT = 100_000;

    /** One response; {@code sequence} counts from 0 per cluster. */
    private record Response(long sequence, String endpoint, long bytes, long rows) {}

    private final Deque<Response> responses = new ArrayDeque<>();
    private long next;

    synchronized void record(String endpoint, long bytes, long rows) {
        responses.addLast(new Response(next++, endpoint, bytes, rows));
        if (responses.size() > KEPT) {
            responses.removeFirst();
        }
    }

    /** {@code {"next": N, "responses": [...]}}: the responses from sequence {@code from} on, oldest first. */
    synchronized byte[] json(long from) {
        return WireJson.bytes(out -> {
            out.writeStartObject();
            out.writeNumberField("next", next);
            out.writeArrayFieldStart("responses");
            for (Response r : responses) {
                if (r.sequence() >= from) {
                    out.writeStartObject();
                    out.writeNumberField("sequence", r.sequence());
                    out.writeStringField("endpoint", r.endpoint());
                    out.writeNumberField("bytes", r.bytes());
                    out.writeNumberField("rows", r.rows());
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }
}
