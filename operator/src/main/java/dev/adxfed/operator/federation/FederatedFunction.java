package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hub's view of one partition table or view: a function of the same name that unions it over the
 * partitions, either listed inline (exactly those that have it) or as the database's named entity group
 * (every partition of the database; fuzzy, so those without the table are skipped at query time). A
 * function that skips unreachable partitions ({@code best_effort=true}, and {@code isfuzzy=true} with it as
 * adx-mon writes them) answers with the others' rows and Kusto's partial-result warning when one is down.
 * The inline members are the topology's shared reference texts, read only when the body is written.
 */
public final class FederatedFunction {

    /** The macro-expand scope; any name works, since the table comes after {@code X.}. */
    private static final String SCOPE = "X";

    private final String name;
    private final Supplier<List<String>> entities;
    private final String entityGroup;
    private final boolean fuzzy;
    private final boolean skipUnreachable;

    private FederatedFunction(String name, Supplier<List<String>> entities, String entityGroup, boolean fuzzy,
                              boolean skipUnreachable) {
        this.name = name;
        this.entities = entities;
        this.entityGroup = entityGroup;
        this.fuzzy = fuzzy;
        this.skipUnreachable = skipUnreachable;
    }

    /**
     * Lists its members inline; {@code entities} is read each time the body is written. Strict (neither
     * isfuzzy nor best_effort) unless it skips unreachable partitions: every member listed has the table.
     */
    static FederatedFunction inline(String name, Supplier<List<String>> entities, boolean skipUnreachable) {
        return new FederatedFunction(name, entities, null, skipUnreachable, skipUnreachable);
    }

    /** Unions the named entity group of its database: always fuzzy, since not every member has every table. */
    static FederatedFunction overGroup(String name, String entityGroup, boolean skipUnreachable) {
        return new FederatedFunction(name, List::of, entityGroup, true, skipUnreachable);
    }

    public static FederatedFunction of(String name, String database, Iterable<String> endpoints, boolean skipUnreachable) {
        List<String> entities = new ArrayList<>();
        endpoints.forEach(endpoint -> entities.add(KqlText.entity(endpoint, database)));
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("function " + name + " needs at least one partition");
        }
        List<String> sorted = entities.stream().sorted().distinct().toList();
        return inline(name, () -> sorted, skipUnreachable);
    }

    public String name() {
        return name;
    }

    /** The inline members, sorted; empty for a function over a named group. */
    public List<String> entities() {
        return entities.get();
    }

    public Optional<String> entityGroup() {
        return Optional.ofNullable(entityGroup);
    }

    /** The body with its braces, as {@code .show functions} returns it; the macro-expand body in parentheses. */
    public String body() {
        StringBuilder body = new StringBuilder("{ macro-expand ");
        if (fuzzy) {
            body.append("isfuzzy=true ");
        }
        if (skipUnreachable) {
            body.append("best_effort=true ");
        }
        if (entityGroup != null) {
            body.append(KqlText.identifier(entityGroup));
        } else {
            body.append("entity_group [").append(String.join(", ", entities.get())).append(']');
        }
        return body.append(" as ").append(SCOPE).append(" ( ").append(SCOPE).append('.')
                .append(KqlText.identifier(name)).append(" ) }").toString();
    }

    /** The body's fingerprint, as the hub computes it for a stored body in {@code .show functions}. */
    public String bodyHash() {
        return FunctionFingerprint.of(body());
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
