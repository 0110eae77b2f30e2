package dev.adxfed.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.commands.Caller;
import dev.adxfed.emulator.commands.CommandLog;
import dev.adxfed.emulator.commands.ManagementCommands;
import dev.adxfed.emulator.faults.FaultSwitch;
import dev.adxfed.emulator.faults.FaultsEndpoint;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
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
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The REST endpoints of one virtual cluster on its own port: {@code /v1/rest/mgmt} for management
 * commands, {@code /v2/rest/query} for queries, and a 404 for {@code /v1/rest/auth/metadata}, which
 * tells the SDK to assume the public cloud and send no token.
 *
 * <p>Served on an {@link HttpPort}, whose keep-alive connections are never closed for being idle. A closed connection
 * is the client's doing, or the cluster's {@link dev.adxfed.emulator.faults.Fault#unreachable() unreachable} fault, which
 * closes the port and every connection until it is cleared.
 */
public final class ClusterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterServer.class);
    private static final String DEFAULT_DATABASE = "NetDefaultDB";
    /** Not Kusto: the emulator's account of the responses it sent (see {@link ResponseLog}). */
    private static final String RESPONSES_PATH = "/adxfed/responses";
    private final Server http;
    private final ReachablePort reachability;
    private final String name;
    private final ClusterDirectory directory;
    private final ManagementCommands commands;
    private final QueryRunner queries;
    private final CommandLog log;
    private final ClusterDirectory.Entry self;
    private final ResponseLog responses = new ResponseLog();

    private ClusterServer(HttpPort listening, ClusterDirectory.Entry self, ClusterDirectory directory,
                          ManagementCommands commands, QueryRunner queries, CommandLog log) {
        this.http = listening.server();
        this.self = self;
        this.name = self.name();
        this.reachability = new ReachablePort(listening, commands.faults(), "cluster '" + name + "'");
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
                                     CommandLog log) throws IOException {
        HttpPort http = HttpPort.bind("cluster '" + name + "'", "emulator-" + name, 200, host, port);
        ClusterDirectory.Entry self = new ClusterDirectory.Entry(name, http.endpoint(), catalog, commands.faults());
        ClusterServer server = new ClusterServer(http, self, directory, commands, queries, log);
        http.server().setHandler(server.new Requests());
        directory.register(self);
        return server;
    }

    public void start() {
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cluster '" + name + "' could not start serving on " + endpoint(), e);
        }
        reachability.follow();
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
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("cluster '{}' did not stop cleanly", name, e);
        }
    }

    /** One HTTP request, read whole before it is answered, so that the connection stays usable for the next one. */
    private record Exchange(String method, String path, String query, HttpFields headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** An answer: status and JSON body (empty for none). */
    private record Answer(int status, byte[] body) {}

    private final class Requests extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body;
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readAllBytes();
            }
            Exchange exchange = new Exchange(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                    request.getHeaders(), body);
            UUID activityId = UUID.randomUUID();
            Answer answer = reachability.answering(() -> answer(exchange, activityId));
            response.setStatus(answer.status());
            response.getHeaders().put("x-ms-activity-id", activityId.toString());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(answer.body()), Callback.from(callback, reachability::answered));
            return true;
        }
    }

    private Answer answer(Exchange exchange, UUID activityId) {
        String clientRequestId = Optional.ofNullable(exchange.header("x-ms-client-request-id"))
                .orElse("adxfed.emulator;" + activityId);
        String path = (exchange.path() == null ? "" : exchange.path()).replaceAll("/+$", "");
        String method = exchange.method();
        if (path.equalsIgnoreCase(FaultsEndpoint.PATH)) {
            return faults(exchange, method);
        }
        if (path.equalsIgnoreCase("/v1/rest/auth/metadata")) {
            return new Answer(404, new byte[0]);
        }
        try {
            byte[] body;
            long rows;
            if (method.equals("GET") && path.equals(RESPONSES_PATH)) {
                return new Answer(200, responses.json(fromParameter(exchange.query())));
            } else if (method.equals("POST") && path.equalsIgnoreCase("/v1/rest/mgmt")) {
                KustoRequest request = KustoRequest.read(exchange.body());
                commands.faults().beforeRequest(request.csl(), true);
                ResultTable result = execute(databaseOf(request), request.csl(),
                        caller(exchange, clientRequestId, activityId, request));
                body = V1Response.of(result);
                rows = result.rows().size();
            } else if (method.equals("POST") && path.equalsIgnoreCase("/v2/rest/query")) {
                KustoRequest request = KustoRequest.read(exchange.body());
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
            return logged(path, 200, body, rows);
        } catch (KustoError e) {
            return logged(path, e.httpStatus(), ErrorResponse.of(e, name, clientRequestId, activityId), 0);
        } catch (RuntimeException e) {
            LOG.error("{} {} on {} failed", method, path, name, e);
            KustoError error = KustoError.internal("the emulator failed: " + e);
            return logged(path, error.httpStatus(), ErrorResponse.of(error, name, clientRequestId, activityId), 0);
        }
    }

    /** {@code /adxfed/faults}: this cluster's faults, or with {@code ?cluster=NAME} those of another cluster of the process. */
    private Answer faults(Exchange exchange, String method) {
        String other = exchange.query() == null ? null : clusterParameter(exchange.query());
        FaultSwitch faults = commands.faults();
        if (other != null) {
            Optional<ClusterDirectory.Entry> cluster = directory.resolve(other);
            if (cluster.isEmpty()) {
                FaultsEndpoint.Response unknown = FaultsEndpoint.unknownCluster(other);
                return new Answer(unknown.status(), unknown.body());
            }
            faults = cluster.get().faults();
        }
        FaultsEndpoint.Response answer = new FaultsEndpoint(faults).handle(method, exchange.body());
        return new Answer(answer.status(), answer.body());
    }

    private static String clusterParameter(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(FaultsEndpoint.CLUSTER_PARAMETER + "=")) {
                return URLDecoder.decode(pair.substring(FaultsEndpoint.CLUSTER_PARAMETER.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
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

    private static Caller caller(Exchange exchange, String clientRequestId, UUID activityId, KustoRequest request) {
        String user = Optional.ofNullable(exchange.header("x-ms-user")).orElse("");
        String application = Optional.ofNullable(exchange.header("x-ms-app")).orElse("");
        JsonNode properties = request.properties() == null ? JsonNodeFactory.instance.objectNode() : request.properties();
        return new Caller(clientRequestId, activityId, user, application, properties);
    }

    private Answer logged(String path, int status, byte[] body, long rows) {
        responses.record(path.toLowerCase(Locale.ROOT), body.length, rows);
        return new Answer(status, body);
    }

    private static long fromParameter(String query) {
        for (String pair : (query == null ? "" : query).split("&")) {
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

    /** The JSON body of a REST request: {@code {"db", "csl", "properties"}}. */
    record KustoRequest(String db, String csl, JsonNode properties) {

        static KustoRequest read(byte[] bytes) {
            JsonNode body;
            try {
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
