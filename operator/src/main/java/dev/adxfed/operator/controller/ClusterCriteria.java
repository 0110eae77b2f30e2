package dev.adxfed.operator.controller;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether this operator looks after an ADXCluster, from its criteriaExpression (CEL) over the
 * operator's cluster labels. Every label is a string variable; region, environment and cloud always
 * exist (empty when not given). Each expression is compiled once and kept: compiling costs far more
 * than evaluating.
 */
final class ClusterCriteria {

    static final String[] STANDARD_LABELS = {"region", "environment", "cloud"};

    /** The answer for one expression. */
    sealed interface Verdict {
        record Matches() implements Verdict {}

        record NoMatch() implements Verdict {}

        /** The expression does not compile, or fails or yields a non-boolean when evaluated. */
        record Invalid(String message) implements Verdict {}
    }

    /** A compiled expression, or why it could not be compiled. */
    private record Compiled(CelRuntime.Program program, String error) {}

    private final Map<String, String> labels;
    private final CelCompiler compiler;
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private final Map<String, Compiled> programs = new ConcurrentHashMap<>();

    ClusterCriteria(Map<String, String> clusterLabels) {
        Map<String, String> all = new TreeMap<>();
        for (String name : STANDARD_LABELS) {
            all.put(name, "");
        }
        all.putAll(clusterLabels);
        this.labels = Collections.unmodifiableMap(all);
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder();
        all.keySet().forEach(name -> builder.addVar(name, SimpleType.STRING));
        this.compiler = builder.build();
    }

    Map<String, String> labels() {
        return labels;
    }

    Verdict evaluate(String expression) {
        if (expression == null || expression.isBlank()) {
            return new Verdict.Matches();
        }
        Compiled compiled = programs.computeIfAbsent(expression, this::compile);
        if (compiled.error() != null) {
            return new Verdict.Invalid(compiled.error());
        }
        try {
            Object result = compiled.program().eval(labels);
            if (result instanceof Boolean matches) {
                return matches ? new Verdict.Matches() : new Verdict.NoMatch();
            }
            return new Verdict.Invalid("criteriaExpression '" + expression + "' gives "
                    + result.getClass().getSimpleName() + ", not a bool");
        } catch (CelEvaluationException e) {
            return new Verdict.Invalid("criteriaExpression '" + expression + "' failed: " + e.getMessage()
                    + " (cluster labels: " + labels + ")");
        }
    }

    private Compiled compile(String expression) {
        CelValidationResult result = compiler.compile(expression);
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (!ast.getResultType().equals(SimpleType.BOOL) && !ast.getResultType().equals(SimpleType.DYN)) {
                return new Compiled(null, "criteriaExpression '" + expression + "' gives "
                        + ast.getResultType().name() + ", not a bool");
            }
            return new Compiled(runtime.createProgram(ast), null);
        } catch (CelValidationException e) {
            return new Compiled(null, "criteriaExpression does not compile: " + result.getErrorString()
                    + " (known labels: " + String.join(", ", labels.keySet()) + ")");
        } catch (CelEvaluationException e) {
            return new Compiled(null, "criteriaExpression '" + expression + "' cannot run: " + e.getMessage());
        }
    }
}
