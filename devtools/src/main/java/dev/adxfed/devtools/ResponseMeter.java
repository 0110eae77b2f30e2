package dev.adxfed.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.operator.cli.CommandFailure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What an emulator cluster sent, as the cluster itself counted it: the exact bytes of every HTTP response
 * body and the rows of its primary result ({@code GET /adxfed/responses}, an emulator endpoint, not Kusto's).
 * Counting on the server measures what crossed the wire, whatever the client kept of it.
 */
final class ResponseMeter {

    /** The responses between two marks: how many, their bytes, and the largest one's bytes and rows. */
    record Traffic(int responses, long bytes, long largestBytes, long largestRows) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI responses;

    ResponseMeter(String clusterUrl) {
        this.responses = URI.create(clusterUrl + "/adxfed/responses");
    }

    /** The sequence number the cluster's next response will get. */
    long mark() {
        return read(Long.MAX_VALUE).get("next").asLong();
    }

    /** Every response from {@code mark} on. */
    Traffic since(long mark) {
        int count = 0;
        long bytes = 0;
        long largestBytes = 0;
        long largestRows = 0;
        for (JsonNode r : read(mark).get("responses")) {
            count++;
            long size = r.get("bytes").asLong();
            bytes += size;
            if (size > largestBytes) {
                largestBytes = size;
                largestRows = r.get("rows").asLong();
            }
        }
        return new Traffic(count, bytes, largestBytes, largestRows);
    }

    private JsonNode read(long from) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(responses + "?from=" + from))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CommandFailure("the emulator's response log at " + responses + " answered " + response.statusCode()
                        + ": " + response.body(), CommandFailure.FAILED);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CommandFailure("cannot read the emulator's response log at " + responses + ": " + e.getMessage(), CommandFailure.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while reading " + responses, CommandFailure.FAILED);
        }
    }
}
