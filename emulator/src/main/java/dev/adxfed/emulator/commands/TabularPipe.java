package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.kql.syntax.TabularOperator;

import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs query operators over a command's result, as in {@code .show tables | where TableName == "T" | count}.
 * The query engine implements it; it is found with {@link ServiceLoader} (a {@code META-INF/services}
 * entry), so the commands do not depend on the engine.
 */
public interface TabularPipe {

    /**
     * Applies {@code operators} in order to {@code input}.
     *
     * @param now the request time, for {@code now()} and {@code ago()}
     * @throws KustoError for an operator that does not apply, naming it and its position
     */
    ResultTable pipe(ResultTable input, List<TabularOperator> operators, Instant now);

    /** The engine on the class path, or a pipe that answers with a clear error. */
    static TabularPipe load() {
        return ServiceLoader.load(TabularPipe.class).findFirst().orElse((input, operators, now) -> {
            throw KustoError.unsupported("query operators after a management command (no query engine is on the class path)");
        });
    }
}
