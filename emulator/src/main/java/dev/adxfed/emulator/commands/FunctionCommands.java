package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.catalog.FunctionParameter;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.StoredFunction;
import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.Expression;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code .create / .create-or-alter / .alter function}, {@code .drop function}, {@code .show functions}, {@code .show function}. */
final class FunctionCommands {

    static final List<Column> FUNCTIONS = List.of(
            new Column("Name", ScalarType.STRING),
            new Column("Parameters", ScalarType.STRING),
            new Column("Body", ScalarType.STRING),
            new Column("Folder", ScalarType.STRING),
            new Column("DocString", ScalarType.STRING));

    static final List<Column> DROPPED = List.of(new Column("Name", ScalarType.STRING));

    private static final Set<String> PROPERTIES = Set.of("folder", "docstring", "view", "skipvalidation");

    private FunctionCommands() {}

    static ResultTable define(Command.DefineFunction command, CommandScope scope, FunctionValidator validator) {
        CommandScope.requireValidName("Function", command.name(), command.position());
        CommandProperties properties = CommandProperties.of(command.mode().text() + " function", command.properties(), PROPERTIES);
        List<FunctionParameter> parameters = parameters(command);
        boolean view = properties.bool("view", false);
        if (view && !parameters.isEmpty()) {
            throw KustoError.badArgument("function " + command.name() + ": view=true needs a function without parameters");
        }
        if (command.mode() == Command.DefinitionMode.CREATE && command.ifNotExists()) {
            Optional<StoredFunction> existing = scope.currentDatabase().function(command.name());
            if (existing.isPresent()) {
                return rows(List.of(existing.get()));
            }
        }
        if (!properties.bool("skipvalidation", false)) {
            validator.validate(scope.context(), command);
        }
        StoredFunction function = new StoredFunction(command.name(), parameters, respaced(command.bodyText()),
                properties.string("folder").orElse(""), properties.string("docstring").orElse(""), view);
        Database db = scope.catalog().updateDatabase(scope.database(), current -> {
            boolean exists = current.function(command.name()).isPresent();
            return switch (command.mode()) {
                case CREATE -> {
                    if (exists && command.ifNotExists()) {
                        yield current;
                    }
                    if (exists) {
                        throw KustoError.alreadyExists("Function", command.name());
                    }
                    yield current.withFunction(function);
                }
                case ALTER -> {
                    if (!exists) {
                        throw KustoError.notFound("Function", command.name());
                    }
                    yield current.withFunction(function);
                }
                case CREATE_OR_ALTER -> current.withFunction(function);
                case ALTER_MERGE -> throw KustoError.syntax(".alter-merge function does not exist in Kusto");
            };
        });
        return rows(List.of(db.function(command.name()).orElseThrow()));
    }

    static ResultTable drop(Command.DropFunction command, CommandScope scope) {
        scope.catalog().updateDatabase(scope.database(), current -> {
            if (current.function(command.name()).isEmpty()) {
                if (command.ifExists()) {
                    return current;
                }
                throw KustoError.notFound("Function", command.name());
            }
            return current.withoutFunction(command.name());
        });
        return new ResultTable(DROPPED, List.<Object[]>of(new Object[] {command.name()}));
    }

    static ResultTable showAll(CommandScope scope) {
        return rows(List.copyOf(scope.currentDatabase().functions().values()));
    }

    static ResultTable showOne(Command.ShowFunction command, CommandScope scope) {
        return rows(List.of(scope.currentDatabase().function(command.name())
                .orElseThrow(() -> KustoError.notFound("Function", command.name()))));
    }

    private static ResultTable rows(List<StoredFunction> functions) {
        List<Object[]> rows = new ArrayList<>();
        for (StoredFunction f : functions) {
            rows.add(new Object[] {f.name(), f.parametersText(), f.body(), f.folder(), f.docString()});
        }
        return new ResultTable(FUNCTIONS, rows);
    }

    private static List<FunctionParameter> parameters(Command.DefineFunction command) {
        List<FunctionParameter> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (dev.adxfed.kql.syntax.FunctionParameter p : command.parameters()) {
            if (!seen.add(p.name())) {
                throw KustoError.badArgument("function " + command.name() + " declares parameter " + p.name() + " twice (at "
                        + p.position().line() + ":" + p.position().column() + ")");
            }
            if (!p.isTabular() && ScalarType.fromKqlName(p.type()).isEmpty()) {
                throw KustoError.badArgument("parameter " + p.name() + " of function " + command.name() + " at "
                        + p.position().line() + ":" + p.position().column() + " has unknown type '" + p.type() + "'");
            }
            parameters.add(new FunctionParameter(p.name(), p.type(), p.defaultValue() == null ? null : literalText(p, command.name())));
        }
        return parameters;
    }

    /** A parameter default as KQL text; Kusto allows only constants there. */
    private static String literalText(dev.adxfed.kql.syntax.FunctionParameter p, String function) {
        Expression e = p.defaultValue();
        String sign = "";
        if (e instanceof Expression.Negate n) {
            sign = n.minus() ? "-" : "";
            e = n.operand();
        }
        if (!(e instanceof Expression.Literal literal)) {
            throw KustoError.badArgument("the default of parameter " + p.name() + " of function " + function
                    + " must be a constant (at " + p.position().line() + ":" + p.position().column() + ")");
        }
        Object v = literal.value();
        return sign + switch (literal.type()) {
            case STRING -> KqlText.string((String) v);
            case DATETIME -> KqlText.datetime((Instant) v);
            case TIMESPAN -> KqlText.timespan((Duration) v);
            case GUID -> "guid(" + v + ")";
            case DECIMAL -> "decimal(" + ((BigDecimal) v).toPlainString() + ")";
            case INT -> "int(" + v + ")";
            case DYNAMIC -> "dynamic(" + v + ")";
            case BOOL, LONG, REAL -> String.valueOf(v);
        };
    }

    /**
     * The body as ADX stores it: re-spaced, one space inside each brace ({@code { T | take n}} comes back as
     * {@code { T | take n }}, as Microsoft's docs show), so a client that compares stored bodies by their
     * exact text finds out here, not on ADX.
     */
    static String respaced(String body) {
        if (body.length() < 2 || body.charAt(0) != '{' || body.charAt(body.length() - 1) != '}') {
            return body;
        }
        String inner = body.substring(1, body.length() - 1).strip();
        return inner.isEmpty() ? "{ }" : "{ " + inner + " }";
    }
}
