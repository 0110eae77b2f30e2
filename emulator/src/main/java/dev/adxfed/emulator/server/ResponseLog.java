package dev.adxfed.emulator.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The size of every response one cluster sent: bytes of the HTTP body and rows of its primary result, so a
 * benchmark in another process learns what a client really downloaded ({@code GET /adxfed/responses?from=N}).
 * Only the latest {@value #KEPT} responses are kept.
 */
public final class ResponseLog {

    static final int KEPT = 100_000;

    /** One response; {@code sequence} counts from 0 per cluster. */
    public record Response(long sequence, String endpoint, long bytes, long rows) {}

    private final Deque<Response> responses = new ArrayDeque<>();
    private long next;

    synchronized void record(String endpoint, long bytes, long rows) {
        responses.addLast(new Response(next++, endpoint, bytes, rows));
        if (responses.size() > KEPT) {
            responses.removeFirst();
        }
    }

    /** The responses from sequence {@code from} on (those still kept), oldest first. */
    public synchronized List<Response> since(long from) {
        List<Response> result = new ArrayList<>();
        for (Response r : responses) {
            if (r.sequence() >= from) {
                result.add(r);
            }
        }
        return result;
    }

    /** The sequence the next response will get. */
    public synchronized long next() {
        return next;
    }

    synchronized byte[] json(long from) {
        List<Response> kept = since(from);
        long upTo = next;
        return WireJson.bytes(out -> {
            out.writeStartObject();
            out.writeNumberField("next", upTo);
            out.writeArrayFieldStart("responses");
            for (Response r : kept) {
                out.writeStartObject();
                out.writeNumberField("sequence", r.sequence());
                out.writeStringField("endpoint", r.endpoint());
                out.writeNumberField("bytes", r.bytes());
                out.writeNumberField("rows", r.rows());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }
}
