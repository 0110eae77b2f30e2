package dev.adxfed.operator.federation;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code spec.federation.partitionSelector}: a CEL expression over {@code endpoint} (string) and
 * {@code metadata} (map of string to string). Each expression is compiled once per process: the
 * spec is re-read every pass and compiling costs far more than evaluating.
 */
public final class PartitionSelector {

    /** Every partition is a member. */
    public static final PartitionSelector ALL = new PartitionSelector("", null);

    /** What the selector says about one partition. */
    public enum Verdict { SELECTED, NOT_SELECTED, METADATA_MISSING }

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("endpoint", SimpleType.STRING)
            .addVar("metadata", MapType.create(SimpleType.STRING, SimpleType.STRING))
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private static final Map<String, PartitionSelector> COMPILED = new ConcurrentHashMap<>();

    private final String expression;
    private final CelRuntime.Program program;

    private PartitionSelector(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    /** @throws IllegalArgumentException with CEL's message when the expression does not compile or is not a bool */
    public static PartitionSelector of(String expression) {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        return COMPILED.computeIfAbsent(expression, PartitionSelector::compile);
    }

    private static PartitionSelector compile(String expression) {
        CelValidationResult result = COMPILER.compile(expression);
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (!ast.getResultType().equals(SimpleType.BOOL) && !ast.getResultType().equals(SimpleType.DYN)) {
                throw new IllegalArgumentException("spec.federation.partitionSelector '" + expression + "' gives "
                        + ast.getResultType().name() + ", not a bool");
            }
            return new PartitionSelector(expression, RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("spec.federation.partitionSelector does not compile: "
                    + result.getErrorString() + " (variables: endpoint string, metadata map(string, string))");
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("spec.federation.partitionSelector '" + expression + "' cannot run: "
                    + e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }

    /**
     * A missing metadata key is CEL's "no such key" error; any other evaluation error also leaves the
     * partition out, counted the same way, since it too says the metadata does not fit the expression.
     */
    public Verdict test(String endpoint, Map<String, String> metadata) {
        if (program == null) {
            return Verdict.SELECTED;
        }
        try {
            Object result = program.eval(Map.of("endpoint", endpoint, "metadata", metadata));
            return Boolean.TRUE.equals(result) ? Verdict.SELECTED : result instanceof Boolean
                    ? Verdict.NOT_SELECTED : Verdict.METADATA_MISSING;
        } catch (CelEvaluationException e) {
            return Verdict.METADATA_MISSING;
        }
    }
}
