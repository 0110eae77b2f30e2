package dev.adxfed.emulator.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /adxfed/faults} on a cluster's port: {@code POST} a JSON fault to arm it, {@code GET} the
 * armed faults, {@code DELETE} to disarm them all. They are the faults of that cluster, or with
 * {@code ?cluster=NAME} of another cluster of the same process (the only way over HTTP to bring back one that is
 * unreachable). The ARM endpoint's port has the same, for its own switch. Not part of Kusto's protocol: only for tests.
 */
public final class FaultsEndpoint {

    public static final String PATH = "/adxfed/faults";
    /** The query parameter naming another cluster of the process whose faults a request addresses. */
    public static final String CLUSTER_PARAMETER = "cluster";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An HTTP answer: status and JSON body. */
    public record Response(int status, byte[] body) {}

    /**
     * The JSON body of {@code POST /adxfed/faults}; which fields a kind needs is checked by {@link Fault}.
     * {@code reason} is the failure text of a failScriptCommands fault, {@code message} that of the others.
     */
    record Request(String kind, String match, Integer times, Integer status, String code, String message,
                   Long delayMillis, String reason, Long retryAfterSeconds) {

        Fault toFault() {
            if (kind == null) {
                throw new IllegalArgumentException("a fault needs a \"kind\": one of " + kinds());
            }
            Fault fault = switch (kindNamed(kind)) {
                case KUSTO_ERROR -> Fault.kustoError(status == null ? 400 : status, code, message);
                case THROTTLE -> retryAfterSeconds == null ? Fault.throttle() : Fault.throttle().retryAfter(Duration.ofSeconds(retryAfterSeconds));
                case INTERNAL_ERROR -> Fault.internalError(message == null ? "injected internal error" : message);
                case DELAY -> Fault.delay(delayMillis == null ? null : Duration.ofMillis(delayMillis));
                case FAIL_SCRIPT_COMMANDS -> Fault.failScriptCommands(reason);
                case UNREACHABLE -> Fault.unreachable();
            };
            if (match != null) {
                fault = fault.matching(match);
            }
            return times == null ? fault : fault.times(times);
        }
    }

    private final FaultSwitch faults;

    public FaultsEndpoint(FaultSwitch faults) {
        this.faults = faults;
    }

    public Response handle(String method, byte[] body) {
        try {
            switch (method.toUpperCase(Locale.ROOT)) {
                case "GET" -> { }
                case "POST" -> faults.inject(read(body).toFault());
                case "DELETE" -> faults.clear();
                default -> {
                    return error(405, method + " " + PATH + " is not supported: use GET, POST or DELETE");
                }
            }
            return new Response(200, JSON.writeValueAsBytes(listing()));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        } catch (IOException e) {
            return error(400, "the fault is not valid JSON: " + e.getMessage());
        }
    }

    private static Request read(byte[] body) throws IOException {
        try {
            Request request = JSON.readValue(body, Request.class);
            if (request == null) {
                throw new IllegalArgumentException("POST " + PATH + " needs a JSON object describing the fault");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the fault is not valid: " + e.getOriginalMessage()
                    + " (fields: kind, match, times, status, code, message, delayMillis, reason, retryAfterSeconds)");
        }
    }

    private ObjectNode listing() {
        ObjectNode root = JSON.createObjectNode();
        root.put("hits", faults.hits());
        ArrayNode armed = root.putArray("faults");
        for (FaultSwitch.Armed a : faults.armed()) {
            Fault f = a.fault();
            ObjectNode node = armed.addObject();
            node.put("kind", f.kind().jsonName());
            node.put("match", f.match());
            if (a.remaining() != null) {
                node.put("remaining", a.remaining());
            }
            node.put("hits", a.hits());
            if (f.kind() == Fault.Kind.KUSTO_ERROR) {
                node.put("status", f.status());
                node.put("code", f.code());
            }
            if (f.kind() == Fault.Kind.THROTTLE && f.delay() != null) {
                node.put("retryAfterSeconds", f.delay().toSeconds());
            }
            if (f.kind() == Fault.Kind.DELAY) {
                node.put("delayMillis", f.delay().toMillis());
            } else {
                node.put(f.kind() == Fault.Kind.FAIL_SCRIPT_COMMANDS ? "reason" : "message", f.message());
            }
        }
        return root;
    }

    private static Fault.Kind kindNamed(String name) {
        return Arrays.stream(Fault.Kind.values()).filter(k -> k.jsonName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + name + "': use one of " + kinds()));
    }

    private static String kinds() {
        return Arrays.stream(Fault.Kind.values()).map(Fault.Kind::jsonName).collect(Collectors.joining(", "));
    }

    /** The answer to a request whose {@code ?cluster=} names no cluster of this process. */
    public static Response unknownCluster(String name) {
        return error(404, "no cluster of this emulator is named '" + name + "' (" + PATH + "?" + CLUSTER_PARAMETER + "=NAME)");
    }

    private static Response error(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", switch (status) {
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            default -> "BadRequest";
        }).put("message", message);
        try {
            return new Response(status, JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            return new Response(status, message.getBytes(StandardCharsets.UTF_8));
        }
    }
}
