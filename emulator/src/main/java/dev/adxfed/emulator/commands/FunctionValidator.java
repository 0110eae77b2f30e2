package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.server.QueryContext;
import dev.adxfed.kql.syntax.Command;

/**
 * Checks a function body as {@code .create function} does unless {@code skipvalidation} is set: every
 * table it names must exist (SEM0100), on other clusters too. The query engine provides it.
 */
@FunctionalInterface
public interface FunctionValidator {

    /** Without a query engine, bodies are only parsed. */
    FunctionValidator NONE = (context, function) -> { };

    /**
     * @param context the cluster and database the function is created in
     * @throws KustoError naming the first thing the body refers to that does not exist
     */
    void validate(QueryContext context, Command.DefineFunction function);
}
