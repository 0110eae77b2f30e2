package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A call of a built-in scalar function being compiled: its name, compiled arguments, and the query's clock. */
record FunctionCall(String name, List<ScalarExpression> args, Instant now) {
    FunctionCall {
        args = List.copyOf(args);
    }

    ScalarExpression arg(int i) {
        return args.get(i);
    }

    int count() {
        return args.size();
    }

    /** Checks the number of arguments. */
    FunctionCall arity(int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw SemanticErrors.type("Function '" + name + "' expects " + expected + " argument(s), got " + args.size());
        }
        return this;
    }

    /** Checks that argument {@code i} has one of the given types. */
    ScalarExpression arg(int i, ScalarType... allowed) {
        ScalarExpression a = args.get(i);
        for (ScalarType t : allowed) {
            if (a.type() == t) {
                return a;
            }
        }
        throw SemanticErrors.type("Function '" + name + "': argument " + (i + 1) + " must be of type "
                + String.join(" or ", Arrays.stream(allowed).map(ScalarType::kqlName).toList())
                + ", got " + a.type().kqlName());
    }

    /** Checks that argument {@code i} is a constant of one of the given types and returns its value. */
    Object constant(int i, ScalarType... allowed) {
        ScalarExpression a = arg(i, allowed);
        if (!a.constant()) {
            throw SemanticErrors.type("Function '" + name + "': argument " + (i + 1) + " must be a constant");
        }
        return a.value();
    }

    ScalarExpression.Evaluator[] evaluators() {
        return args.stream().map(ScalarExpression::evaluator).toArray(ScalarExpression.Evaluator[]::new);
    }

    /** The compiled call, folded when every argument is constant. */
    ScalarExpression result(ScalarType type, ScalarExpression.Evaluator evaluator) {
        return ScalarExpression.of(type, evaluator, args.toArray(ScalarExpression[]::new));
    }
}
