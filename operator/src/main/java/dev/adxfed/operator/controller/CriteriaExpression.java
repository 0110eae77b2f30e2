package dev.adxfed.operator.controller;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether this operator reconciles a resource, from its CEL criteriaExpression over the
 * operator's cluster labels. Each expression is compiled once: the first compile costs ~350 ms.
 */
public final class CriteriaExpression {

    /** The outcome: reconcile, skip quietly, or show the error. */
    public sealed interface Verdict {
        record Reconcile() implements Verdict {}

        record Skip() implements Verdict {}

        record Invalid(String message) implements Verdict {}
    }

    private final ClusterLabels labels;
    private final CelCompiler compiler;
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    public CriteriaExpression(ClusterLabels labels) {
        this.labels = labels;
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        labels.values().keySet().forEach(key -> builder.addVar(key, SimpleType.STRING));
        this.compiler = builder.build();
    }

    /** The labels never change while the operator runs, so a verdict per expression is final. */
    public Verdict evaluate(String expression) {
        if (expression == null || expression.isBlank()) {
            return new Verdict.Reconcile();
        }
        return verdicts.computeIfAbsent(expression, this::decide);
    }

    private Verdict decide(String expression) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            Object result = runtime.createProgram(ast).eval(labels.values());
            return Boolean.TRUE.equals(result) ? new Verdict.Reconcile() : new Verdict.Skip();
        } catch (CelValidationException e) {
            return new Verdict.Invalid("criteriaExpression does not compile: " + e.getMessage());
        } catch (CelEvaluationException e) {
            return new Verdict.Invalid("criteriaExpression failed: " + e.getMessage());
        }
    }
}
