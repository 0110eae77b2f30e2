package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.CatalogSnapshot;
import dev.adxfed.emulator.catalog.ClusterDirectory;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.commands.TabularPipe;
import dev.adxfed.emulator.server.QueryContext;
import dev.adxfed.emulator.server.QueryResult;
import dev.adxfed.emulator.server.QueryRunner;
import dev.adxfed.kql.KqlParser;
import dev.adxfed.kql.KqlSyntaxException;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularOperator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The emulator's KQL engine: parses a query, resolves its names in the catalog of the cluster it was sent to
 * (other clusters of this process in memory, any other over HTTP), and evaluates it. Errors are
 * {@link KustoError}s naming what was wrong: a syntax error, an unresolved name, a type mismatch, or a
 * feature the emulator does not support; never a silently different result.
 */
public final class QueryEngine implements QueryRunner, TabularPipe {
    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(30);
    private final RemoteClusters remote;

    /** The engine as the server loads it: other processes' clusters through the Kusto Java SDK. */
    public QueryEngine() {
        this(new KustoSdkRemoteClusters(REMOTE_TIMEOUT));
    }

    public QueryEngine(RemoteClusters remote) {
        this.remote = remote;
    }

    /** Runs a query and returns its primary result with the warnings of the run. */
    @Override
    public QueryResult run(QueryContext context, String query) {
        return guarded(context, session -> {
            List<Statement> statements = new ArrayList<>();
            for (Statement statement : parse(query)) {
                if (statement instanceof Statement.Set set) {
                    session.option(set.option(), set.value() == null ? Boolean.TRUE : set.value());
                } else {
                    statements.add(statement);
                }
            }
            return StatementRunner.run(Scope.root(session, home(context, session)), statements, "The query");
        });
    }

    /**
     * Pipes the result of a management command through query operators: {@code .show tables | where ... | count}.
     * The operators see no catalog: a table named inside them (in a join, say) does not resolve.
     */
    @Override
    public ResultTable pipe(ResultTable input, List<TabularOperator> operators, Instant now) {
        QuerySession session = new QuerySession(now, new ClusterDirectory(), remote, "", MissingNode.getInstance(), REMOTE_TIMEOUT);
        return guarded(session, () -> {
            Scope scope = Scope.root(session, new Location("", CatalogSnapshot.EMPTY, ""));
            ResultTable table = input;
            boolean serialized = false;
            for (TabularOperator operator : operators) {
                table = TabularOperators.apply(scope, table, operator, serialized);
                serialized = Serialization.after(operator, serialized);
            }
            return table;
        }).table();
    }

    /**
     * Checks, as {@code .create function} does without {@code skipvalidation}, that every table the body refers to
     * exists, the members of entity groups on other clusters included.
     *
     * @throws KustoError SEM0100 naming the first missing table, or SEM0056 for a cluster that does not answer
     */
    public void validateFunction(QueryContext context, Command.DefineFunction function) {
        guarded(context, session -> {
            new FunctionValidation(Scope.root(session, home(context, session))).validate(function.parameters(), function.body());
            return null;
        });
    }

    private QueryResult guarded(QueryContext context, Function<QuerySession, ResultTable> work) {
        QuerySession session = new QuerySession(context.now(), context.directory(), remote, context.cluster().endpoint().toString(),
                context.properties().path("Options"), REMOTE_TIMEOUT);
        return guarded(session, () -> work.apply(session));
    }

    private static QueryResult guarded(QuerySession session, Supplier<ResultTable> work) {
        try {
            ResultTable table = work.get();
            return new QueryResult(table, session.warnings(), session.options(), session.visualization());
        } catch (KqlSyntaxException e) {
            throw KustoError.syntax(e.getMessage());
        } catch (RemoteClusters.ClusterUnreachable e) {
            throw KustoError.semantic(SemanticErrors.REMOTE, e.getMessage());
        }
    }

    private static List<Statement> parse(String query) {
        if (KqlParser.isCommand(query)) {
            throw KustoError.badRequest("A management command was sent to the query endpoint; use /v1/rest/mgmt");
        }
        return KqlParser.parseQuery(query).statements();
    }

    private static Location home(QueryContext context, QuerySession session) {
        return session.locate(context.cluster(), context.database());
    }
}
