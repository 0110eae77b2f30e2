package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft's Kusto SDK for Node.js (tools/kusto-node-client/run.js) as a client of the emulator: one node process
 * sends the requests in order, over one SDK client and its keep-alive connection pool, and reports what the SDK
 * made of each answer.
 */
final class NodeSdk {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENT = Path.of(System.getProperty("kusto.node.client.dir"));

    private NodeSdk() {
    }

    /** Starts node on {@code requests}; {@link Run#answers()} waits for it. */
    static Run start(URI endpoint, List<ObjectNode> requests) throws IOException {
        if (!Files.isRegularFile(CLIENT.resolve("node_modules/azure-kusto-data/package.json"))) {
            throw new IllegalStateException("Microsoft's Node.js Kusto SDK is not installed in " + CLIENT.toAbsolutePath()
                    + ": run tools/kusto-node-client/install.sh (the emulator's build does)");
        }
        ObjectNode input = JSON.createObjectNode().put("endpoint", endpoint.toString());
        ArrayNode list = input.putArray("requests");
        requests.forEach(list::add);
        Process node = new ProcessBuilder("node", CLIENT.resolve("run.js").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = node.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(input));
        }
        return new Run(node, requests.size());
    }

    static List<JsonNode> run(URI endpoint, List<ObjectNode> requests) throws IOException, InterruptedException {
        return start(endpoint, requests).answers();
    }

    /** A node process under way. */
    record Run(Process node, int requests) {
        List<JsonNode> answers() throws IOException, InterruptedException {
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("node run.js failed: " + new String(out));
            }
            List<JsonNode> answers = new ArrayList<>();
            JSON.readTree(out).forEach(answers::add);
            assertThat(answers).hasSize(requests);
            return answers;
        }
    }
}
