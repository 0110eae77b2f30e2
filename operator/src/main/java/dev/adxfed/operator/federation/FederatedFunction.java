package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

import java.util.ArrayList;
import java.util.List;

/**
 * The hub's view of one partition table or view: a function of the same name that unions it over
 * the partitions that have it, with an inline entity group listing exactly those partitions.
 */
public record FederatedFunction(String name, List<String> entities, boolean fuzzy) {

    /** The macro-expand scope; any name works, since the table comes after {@code X.}. */
    private static final String SCOPE = "X";

    public FederatedFunction {
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("function " + name + " needs at least one partition");
        }
        entities = entities.stream().sorted().distinct().toList();
    }

    public static FederatedFunction of(String name, String database, Iterable<String> endpoints, boolean fuzzy) {
        List<String> entities = new ArrayList<>();
        endpoints.forEach(endpoint -> entities.add(KqlText.entity(endpoint, database)));
        return new FederatedFunction(name, entities, fuzzy);
    }

    /** The body with its braces, as {@code .show functions} returns it; the macro-expand body in parentheses. */
    public String body() {
        return "{ macro-expand " + (fuzzy ? "isfuzzy=true best_effort=true " : "")
                + "entity_group [" + String.join(", ", entities) + "] as " + SCOPE
                + " ( " + SCOPE + "." + KqlText.identifier(name) + " ) }";
    }

    /**
     * Created with skipvalidation so a partition that is briefly unreachable does not block the
     * function; an unreachable member still shows at query time. The folder is the operator's
     * marker: how it later knows the function is its own.
     */
    public Command createOrAlterCommand(String folder) {
        return new Command(Command.Kind.FUNCTION_CREATE_OR_ALTER, name, ".create-or-alter function with (folder="
                + KqlText.string(folder) + ", skipvalidation=\"true\") " + KqlText.identifier(name) + "() " + body());
    }

    public static Command dropCommand(String name) {
        return new Command(Command.Kind.FUNCTION_DROP, name, ".drop function " + KqlText.identifier(name) + " ifexists");
    }
}
