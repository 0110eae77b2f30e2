package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.commands.Caller;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.commands.ManagementCommands;
import dev.adxfed.emulator.faults.FaultsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The REST endpoints of one virtual cluster on its own port: {@code /v1/rest/mgmt} for management
 * commands, {@code /v2/rest/query} for queries, and a 404 for {@code /v1/rest/auth/metadata}, which
 * tells the SDK to assume the public cloud and send no token.
 */
public final class ClusterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterServer.class);
    private static final String DEFAULT_DATABASE = "NetDefaultDB";
    /** Not Kusto: the emulator's account of the responses it sent (see {@link ResponseLog}). */
    private static final String RESPONSES_PATH = "/adxfed/responses";

    private final HttpServer http;
    private final String name;
    private final ClusterDirectory directory;
    private final ManagementCommands commands;
    private final QueryRunner queries;
    private final CommandLog log;
    private final ClusterDirectory.Entry self;
    private final ResponseLog responses = new ResponseLog();

    private ClusterServer(HttpServer http, ClusterDirectory.Entry self, ClusterDirectory directory, ManagementCommands commands,
                          QueryRunner queries, CommandLog log) {
        this.http = http;
        this.self = self;
        this.name = self.name();
        this.directory = directory;
        this.commands = commands;
        this.queries = queries;
        this.log = log;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and registers the cluster in {@code directory}
     * under its endpoint and name; requests are served once {@link #start()} is called, so that the
     * cluster can be set up knowing its own endpoint.
     */
    public static ClusterServer bind(String name, String host, int port, ClusterCatalog catalog,
                                     ClusterDirectory directory, ManagementCommands commands, QueryRunner queries,
                                     CommandLog log, Executor executor) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        URI endpoint = URI.create("http://" + host + ":" + http.getAddress().getPort());
        ClusterServer server = new ClusterServer(http, new ClusterDirectory.Entry(name, endpoint, catalog), directory,
                commands, queries, log);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        directory.register(name, endpoint, catalog);
        return server;
    }

    public void start() {
        http.start();
    }

    /** Runs a management command as if it came over HTTP, for setting a cluster up. */
    public ResultTable execute(String database, String command, Caller caller) {
        return commands.execute(new QueryContext(self, directory, database, caller.properties(), Instant.now()), command, caller);
    }

    public String name() {
        return name;
    }

    public URI endpoint() {
        return self.endpoint();
    }

    public CommandLog log() {
        return log;
    }

    public ClusterDirectory.Entry cluster() {
        return self;
    }

    @Override
    public void close() {
        directory.unregister(self.endpoint());
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        UUID activityId = UUID.randomUUID();
        String clientRequestId = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-ms-client-request-id"))
                .orElse("adxfed.emulator;" + activityId);
        exchange.getResponseHeaders().set("x-ms-activity-id", activityId.toString());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        try (exchange) {
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            String method = exchange.getRequestMethod();
            if (path.equalsIgnoreCase(FaultsEndpoint.PATH)) {
                FaultsEndpoint.Response answer = new FaultsEndpoint(commands.faults())
                        .handle(method, exchange.getRequestBody().readAllBytes());
                send(exchange, answer.status(), answer.body());
                return;
            }
            if (path.equalsIgnoreCase("/v1/rest/auth/metadata")) {
                send(exchange, 404, new byte[0]);
                return;
            }
            try {
                byte[] body;
                long rows;
                if (method.equals("GET") && path.equals(RESPONSES_PATH)) {
                    send(exchange, 200, responses.json(fromParameter(exchange.getRequestURI())));
                    return;
                } else if (method.equals("POST") && path.equalsIgnoreCase("/v1/rest/mgmt")) {
                    KustoRequest request = KustoRequest.read(exchange.getRequestBody());
                    commands.faults().beforeRequest(request.csl(), true);
                    ResultTable result = execute(databaseOf(request), request.csl(),
                            caller(exchange, clientRequestId, activityId, request));
                    body = V1Response.of(result);
                    rows = result.rows().size();
                } else if (method.equals("POST") && path.equalsIgnoreCase("/v2/rest/query")) {
                    KustoRequest request = KustoRequest.read(exchange.getRequestBody());
                    commands.faults().beforeRequest(request.csl(), false);
                    Caller caller = caller(exchange, clientRequestId, activityId, request);
                    QueryResult result = runQuery(request, caller);
                    V2Response.Sent sent = V2Response.of(result, ResultLimits.of(caller.properties(), result.options()),
                            name, clientRequestId, activityId);
                    body = sent.body();
                    rows = sent.rows();
                } else {
                    throw KustoError.badRequest(method + " " + path + " is not a Kusto REST endpoint: use POST /v1/rest/mgmt or POST /v2/rest/query");
                }
                sendLogged(exchange, path, 200, body, rows);
            } catch (KustoError e) {
                sendLogged(exchange, path, e.httpStatus(), ErrorResponse.of(e, name, clientRequestId, activityId), 0);
            } catch (RuntimeException e) {
                LOG.error("{} on {} failed", exchange.getRequestURI(), name, e);
                KustoError error = KustoError.internal("the emulator failed: " + e);
                sendLogged(exchange, path, error.httpStatus(), ErrorResponse.of(error, name, clientRequestId, activityId), 0);
            }
        }
    }

    private QueryResult runQuery(KustoRequest request, Caller caller) {
        Instant started = Instant.now();
        String database = databaseOf(request);
        try {
            QueryResult result = queries.run(new QueryContext(self, directory, database, caller.properties(), started), request.csl());
            record(caller, request.csl(), database, started, CommandLog.State.Completed, "");
            return result;
        } catch (RuntimeException e) {
            record(caller, request.csl(), database, started, CommandLog.State.Failed, e.getMessage());
            throw e;
        }
    }

    private void record(Caller caller, String text, String database, Instant started, CommandLog.State state, String reason) {
        log.record(new CommandLog.Entry(caller.clientRequestId(), "Query", text, database, started, Instant.now(),
                state, reason == null ? "" : reason, caller.activityId(), caller.user(), caller.application(), caller.properties()));
    }

    private static String databaseOf(KustoRequest request) {
        return request.db() == null || request.db().isBlank() ? DEFAULT_DATABASE : request.db();
    }

    private static Caller caller(HttpExchange exchange, String clientRequestId, UUID activityId, KustoRequest request) {
        var headers = exchange.getRequestHeaders();
        String user = Optional.ofNullable(headers.getFirst("x-ms-user")).orElse("");
        String application = Optional.ofNullable(headers.getFirst("x-ms-app")).orElse("");
        JsonNode properties = request.properties() == null ? JsonNodeFactory.instance.objectNode() : request.properties();
        return new Caller(clientRequestId, activityId, user, application, properties);
    }

    private void sendLogged(HttpExchange exchange, String path, int status, byte[] body, long rows) throws IOException {
        responses.record(path.toLowerCase(Locale.ROOT), body.length, rows);
        send(exchange, status, body);
    }

    private static long fromParameter(URI uri) {
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("from=")) {
                try {
                    return Long.parseLong(pair.substring("from=".length()));
                } catch (NumberFormatException e) {
                    throw KustoError.badRequest(RESPONSES_PATH + ": 'from' must be a response sequence number, got " + pair);
                }
            }
        }
        return 0;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The JSON body of a REST request: {@code {"db", "csl", "properties"}}. */
    record KustoRequest(String db, String csl, JsonNode properties) {

        static KustoRequest read(InputStream in) {
            JsonNode body;
            try {
                byte[] bytes = in.readAllBytes();
                body = WireJson.MAPPER.readTree(bytes);
                if (body == null || !body.isObject()) {
                    throw KustoError.badRequest("the request body must be a JSON object {\"db\", \"csl\", \"properties\"}, got: "
                            + new String(bytes, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw KustoError.badRequest("the request body is not valid JSON: " + e.getMessage());
            }
            JsonNode csl = body.get("csl");
            if (csl == null || !csl.isTextual() || csl.asText().isBlank()) {
                throw KustoError.badRequest("the request body has no \"csl\" text to execute");
            }
            JsonNode db = body.get("db");
            return new KustoRequest(db == null || db.isNull() ? null : db.asText(), csl.asText(), properties(body.get("properties")));
        }

        /** Properties come as a JSON object, or (from the SDKs) as a string holding one. */
        private static JsonNode properties(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isTextual()) {
                try {
                    JsonNode parsed = WireJson.MAPPER.readTree(node.asText());
                    return parsed == null ? JsonNodeFactory.instance.objectNode() : parsed;
                } catch (IOException e) {
                    throw KustoError.badRequest("the request's \"properties\" is not valid JSON: " + e.getMessage());
                }
            }
            return node instanceof ObjectNode ? node : null;
        }
    }
}
