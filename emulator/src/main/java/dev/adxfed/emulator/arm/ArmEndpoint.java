package dev.adxfed.emulator.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.ClusterHost;
import dev.adxfed.emulator.faults.Fault;
import dev.adxfed.emulator.faults.FaultSwitch;
import dev.adxfed.emulator.faults.FaultsEndpoint;
import dev.adxfed.emulator.server.HttpPort;
import dev.adxfed.emulator.server.ReachablePort;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A local Azure Resource Manager for Microsoft.Kusto, on a port of its own: provider registration, resource
 * groups, clusters and their databases, with ARM's long-running operations and error shapes. Any bearer
 * token, or none, is accepted. Its own fault switch (also at {@code /adxfed/faults} on its port) makes it
 * answer with ARM errors; a fault's {@code match} is searched in {@code "METHOD /path"}. Served on an
 * {@link HttpPort}, as the clusters are, so that clients' pooled keep-alive connections are never closed under them for
 * being idle.
 */
public final class ArmEndpoint implements AutoCloseable {

    /** The api-versions of Microsoft.Kusto that are answered; 2024-04-13 is the one adxfed uses. */
    static final List<String> KUSTO_API_VERSIONS = List.of("2024-04-13", "2023-08-15", "2023-05-02", "2022-12-29",
            "2022-11-11", "2022-07-07", "2022-02-01");

    private static final Logger LOG = LoggerFactory.getLogger(ArmEndpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Server http;
    private final URI endpoint;
    private final KustoResources resources;
    private final FaultSwitch faults = new FaultSwitch();
    private final ReachablePort reachability;
    private final ScheduledExecutorService scheduler;

    private ArmEndpoint(HttpPort listening, ClusterHost host, Duration provisioningDelay) {
        this.http = listening.server();
        this.endpoint = listening.endpoint();
        this.reachability = new ReachablePort(listening, faults, "the Azure Resource Manager endpoint");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emulator-arm-provisioning");
            t.setDaemon(true);
            return t;
        });
        this.resources = new KustoResources(host, scheduler, provisioningDelay);
    }

    /**
     * Serves ARM on {@code address:port} (0 picks a free port); clusters it provisions are started by {@code host}.
     *
     * @param provisioningDelay how long each long-running operation stays in progress (zero: done at once)
     */
    public static ArmEndpoint start(ClusterHost host, String address, int port, Duration provisioningDelay) throws IOException {
        HttpPort http = HttpPort.bind("the Azure Resource Manager endpoint", "emulator-arm", 50, address, port);
        ArmEndpoint arm = new ArmEndpoint(http, host, provisioningDelay);
        http.server().setHandler(arm.new Requests());
        try {
            http.server().start();
        } catch (Exception e) {
            arm.close();
            throw new IOException("the Azure Resource Manager endpoint could not start serving on " + http.endpoint() + ": "
                    + e.getMessage(), e);
        }
        return arm;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:PORT}, to use in place of {@code https://management.azure.com}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The faults armed on this endpoint, e.g.
     * {@code arm.faults().inject(Fault.kustoError(403, "AuthorizationFailed", "...").matching("^PUT .+/clusters/hub$").times(1))};
     * {@code Fault.unreachable()} closes its port until the faults are cleared.
     */
    public FaultSwitch faults() {
        return faults;
    }

    /** How long each long-running operation started from now on stays in progress; zero finishes them before the answer. */
    public void provisioningDelay(Duration delay) {
        resources.provisioningDelay(delay);
    }

    public Duration provisioningDelay() {
        return resources.provisioningDelay();
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("the Azure Resource Manager endpoint did not stop cleanly", e);
        }
        scheduler.shutdownNow();
    }

    /** What one request is answered with. */
    private record Reply(int status, Map<String, String> headers, byte[] body) {}

    /** Each request is read whole, then answered whole, so that its connection stays usable for the next one. */
    private final class Requests extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body;
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readAllBytes();
            }
            Reply reply = reachability.answering(() -> reply(request.getMethod().toUpperCase(Locale.ROOT),
                    request.getHttpURI().getPath(), request.getHttpURI().getQuery(), body));
            response.setStatus(reply.status());
            response.getHeaders().put("x-ms-request-id", UUID.randomUUID().toString());
            reply.headers().forEach(response.getHeaders()::put);
            boolean empty = reply.body().length == 0 || reply.status() == 204;
            if (!empty) {
                response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
            }
            response.write(true, empty ? null : ByteBuffer.wrap(reply.body()), Callback.from(callback, reachability::answered));
            return true;
        }
    }

    private Reply reply(String method, String rawPath, String rawQuery, byte[] body) {
        String path = rawPath == null ? "" : rawPath.replaceAll("/+$", "");
        if (path.equalsIgnoreCase(FaultsEndpoint.PATH)) {
            FaultsEndpoint.Response answer = new FaultsEndpoint(faults).handle(method, body);
            return new Reply(answer.status(), Map.of(), answer.body());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            injectedFault(method + " " + path);
            Optional<String> apiVersion = query(rawQuery, "api-version");
            ArmResponse response = answer(method, path, apiVersion, query(rawQuery, "operationResultResponseType"), body);
            if (response.operation() != null) {
                pollingHeaders(headers, response, apiVersion.orElseThrow());
            }
            return new Reply(response.status(), headers, response.body() == null ? new byte[0] : MAPPER.writeValueAsBytes(response.body()));
        } catch (ArmError e) {
            if (e.retryAfter() != null) {
                headers.put("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            }
            return new Reply(e.status(), headers, error(e.code(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            return new Reply(500, Map.of(), error("InternalServerError", "the emulator failed: " + e));
        }
    }

    /** Answers as an armed fault says, if one matches: an ARM error, or a wait before the request runs. */
    private void injectedFault(String request) {
        Optional<Fault> armed = faults.takeRequestFault(request);
        if (armed.isEmpty()) {
            return;
        }
        Fault fault = armed.get();
        switch (fault.kind()) {
            case DELAY -> {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ArmError(500, "InternalServerError", "the emulator stopped while a delay fault held the request");
                }
            }
            case THROTTLE -> throw new ArmError(429, fault.code(), fault.message(),
                    fault.delay() == null ? Duration.ofSeconds(1) : fault.delay());
            case KUSTO_ERROR, INTERNAL_ERROR -> throw new ArmError(fault.status(), fault.code(), fault.message());
            case FAIL_SCRIPT_COMMANDS, UNREACHABLE -> throw new IllegalStateException(fault.kind().jsonName() + " faults are not request faults");
        }
    }

    private ArmResponse answer(String method, String path, Optional<String> apiVersion, Optional<String> responseType, byte[] body) {
        ArmRoute route = ArmRoute.of(path).orElseThrow(() -> notServed(path));
        checkApiVersion(route, apiVersion);
        if (route instanceof ArmRoute.Provider r) {
            requireMethod(method, "GET");
            return resources.provider(r.subscription());
        } else if (route instanceof ArmRoute.ProviderRegistration r) {
            requireMethod(method, "POST");
            return resources.register(r.subscription());
        } else if (route instanceof ArmRoute.ResourceGroup r) {
            return switch (method) {
                case "PUT" -> resources.putResourceGroup(r.subscription(), r.resourceGroup(), json(body));
                case "GET" -> resources.getResourceGroup(r.subscription(), r.resourceGroup());
                case "HEAD" -> {
                    resources.getResourceGroup(r.subscription(), r.resourceGroup());
                    yield ArmResponse.of(204, null);
                }
                default -> throw methodNotAllowed(method);
            };
        } else if (route instanceof ArmRoute.ClusterNameCheck r) {
            requireMethod(method, "POST");
            return resources.checkClusterName(r.subscription(), json(body));
        } else if (route instanceof ArmRoute.OperationResult r) {
            requireMethod(method, "GET");
            return resources.operation(r.subscription(), r.id(), responseType.filter("Location"::equalsIgnoreCase).isPresent());
        } else if (route instanceof ArmRoute.ClusterList r) {
            requireMethod(method, "GET");
            return resources.listClusters(r.subscription(), r.resourceGroup());
        } else if (route instanceof ArmRoute.Cluster r) {
            return switch (method) {
                case "PUT" -> resources.putCluster(r.subscription(), r.resourceGroup(), r.cluster(), json(body));
                case "PATCH" -> resources.patchCluster(r.subscription(), r.resourceGroup(), r.cluster(), json(body));
                case "GET" -> resources.getCluster(r.subscription(), r.resourceGroup(), r.cluster());
                default -> throw methodNotAllowed(method);
            };
        } else if (route instanceof ArmRoute.DatabaseNameCheck r) {
            requireMethod(method, "POST");
            return resources.checkDatabaseName(r.subscription(), r.resourceGroup(), r.cluster(), json(body));
        } else if (route instanceof ArmRoute.DatabaseList r) {
            requireMethod(method, "GET");
            return resources.listDatabases(r.subscription(), r.resourceGroup(), r.cluster());
        } else if (route instanceof ArmRoute.Database r) {
            return switch (method) {
                case "PUT" -> resources.putDatabase(r.subscription(), r.resourceGroup(), r.cluster(), r.database(), json(body));
                case "GET" -> resources.getDatabase(r.subscription(), r.resourceGroup(), r.cluster(), r.database());
                case "DELETE" -> resources.deleteDatabase(r.subscription(), r.resourceGroup(), r.cluster(), r.database());
                default -> throw methodNotAllowed(method);
            };
        }
        throw notServed(path);
    }

    private static void checkApiVersion(ArmRoute route, Optional<String> apiVersion) {
        String version = apiVersion.orElseThrow(() -> new ArmError(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests."));
        if (route.kusto() ? !KUSTO_API_VERSIONS.contains(version) : !version.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?")) {
            throw new ArmError(400, route.kusto() ? "NoRegisteredProviderFound" : "InvalidApiVersionParameter",
                    "The api-version '" + version + "' is not served for " + (route.kusto()
                            ? "Microsoft.Kusto; the served ones are " + String.join(", ", KUSTO_API_VERSIONS)
                            : "Microsoft.Resources; use a date such as 2021-04-01") + ".");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw methodNotAllowed(method);
        }
    }

    private static ArmError methodNotAllowed(String method) {
        return new ArmError(405, "MethodNotAllowed", "The requested resource does not support http method '" + method + "'.");
    }

    private static ArmError notServed(String path) {
        return new ArmError(404, "InvalidResourceType", "The local ARM endpoint serves no resource at '" + path
                + "': it serves Microsoft.Kusto clusters and databases, resource groups and the Microsoft.Kusto provider only.");
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ArmError.invalidContent("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ArmError.invalidContent("the body cannot be read: " + e.getMessage());
        }
    }

    /** The URLs a client polls a new operation at, and when to poll a running one again. */
    private void pollingHeaders(Map<String, String> headers, ArmResponse response, String apiVersion) {
        LongRunningOperation operation = response.operation();
        if (response.starts()) {
            String status = endpoint + "/subscriptions/" + operation.subscription() + "/providers/Microsoft.Kusto/locations/"
                    + operation.location() + "/operationResults/" + operation.id() + "?api-version=" + apiVersion;
            headers.put("Azure-AsyncOperation", status);
            headers.put("Location", status + "&operationResultResponseType=Location");
        }
        if (!operation.done()) {
            headers.put("Retry-After", Long.toString(operation.retryAfter(resources.now()).toSeconds()));
        }
    }

    private static Optional<String> query(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static byte[] error(String code, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("error").put("code", code).put("message", message);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            return message.getBytes(StandardCharsets.UTF_8);
        }
    }
}
