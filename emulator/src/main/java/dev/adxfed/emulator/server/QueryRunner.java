package dev.adxfed.emulator.server;

import dev.adxfed.emulator.KustoError;

import java.util.ServiceLoader;

/**
 * Runs the text of {@code POST /v2/rest/query}: the query engine plugs in here. The server finds
 * the implementation with {@link ServiceLoader} (a {@code META-INF/services} entry), so the server
 * does not depend on the engine.
 */
public interface QueryRunner {

    /**
     * Runs {@code query} and returns its primary result with the warnings of the run.
     *
     * @throws KustoError for anything wrong with the query, naming what and where
     */
    QueryResult run(QueryContext context, String query);

    /** The engine on the class path, or a runner that answers every query with a clear error. */
    static QueryRunner load() {
        return ServiceLoader.load(QueryRunner.class).findFirst().orElse((context, query) -> {
            throw KustoError.unsupported("queries (no query engine is on the class path)");
        });
    }
}
