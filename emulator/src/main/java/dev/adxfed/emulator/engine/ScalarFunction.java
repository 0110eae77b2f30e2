package dev.adxfed.emulator.engine;

/** A built-in scalar function: checks its arguments and compiles a call once per query. */
@FunctionalInterface
interface ScalarFunction {
    ScalarExpression bind(FunctionCall call);
}
