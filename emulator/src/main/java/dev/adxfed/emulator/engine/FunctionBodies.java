package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.StoredFunction;
import dev.adxfed.kql.KqlParser;
import dev.adxfed.kql.KqlSyntaxException;
import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed bodies and parameters of stored functions. The catalog keeps a function as the text it was
 * created with; parsing it once per distinct text keeps a federated function called by every query cheap.
 */
final class FunctionBodies {
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, List<Statement>> BODIES = new ConcurrentHashMap<>();

    private FunctionBodies() {
    }

    static List<Statement> statements(StoredFunction f) {
        String body = f.bodyWithoutBraces();
        List<Statement> cached = BODIES.get(body);
        if (cached != null) {
            return cached;
        }
        List<Statement> parsed = parse(f.name(), body);
        if (BODIES.size() >= MAX_CACHED) {
            BODIES.clear();
        }
        BODIES.put(body, parsed);
        return parsed;
    }

    static List<Statement> parse(String function, String body) {
        try {
            return KqlParser.parseQuery(body).statements();
        } catch (KqlSyntaxException e) {
            throw KustoError.syntax("in the body of function '" + function + "': " + e.getMessage());
        }
    }

    /** The parameters with their default values parsed, as the syntax tree describes parameters. */
    static List<FunctionParameter> parameters(StoredFunction f) {
        List<FunctionParameter> params = new ArrayList<>();
        for (dev.adxfed.emulator.catalog.FunctionParameter p : f.parameters()) {
            Expression defaultValue = p.defaultValue() == null ? null : defaultValue(f.name(), p.defaultValue());
            params.add(new FunctionParameter(null, p.name(), p.type(), defaultValue));
        }
        return params;
    }

    private static Expression defaultValue(String function, String literal) {
        List<Statement> statements = parse(function, "print " + literal);
        if (statements.size() == 1 && statements.get(0) instanceof Statement.Tabular t && t.expression() instanceof TabularExpression.Print p
                && p.columns().size() == 1) {
            return p.columns().get(0).expression();
        }
        throw KustoError.syntax("in function '" + function + "': the default value '" + literal + "' is not a literal");
    }
}
