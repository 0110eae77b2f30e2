package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Statement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The names a part of a query can see: its {@code let}s, function parameters, {@code as} names, the
 * entity a macro-expand body stands for, and the database its unqualified table names resolve in.
 * A function body gets a fresh scope (it sees only its parameters); a macro-expand body a child scope.
 */
final class Scope {
    /** What a name is bound to. */
    sealed interface Binding {
    }

    record ScalarBinding(ScalarExpression value) implements Binding {
    }

    record TabularBinding(Supplier<ResultTable> value) implements Binding {
    }

    record LambdaBinding(Statement.FunctionValue function, Scope definedIn) implements Binding {
    }

    record GroupBinding(List<EntityReference> entities) implements Binding {
    }

    /** The scope name of a macro-expand body ({@code X}) and the entity it stands for in this run. */
    record EntityBinding(Location entity) implements Binding {
    }

    private final Scope parent;
    private final QuerySession session;
    private final Location location;
    private final Map<String, Binding> names = new HashMap<>();

    private Scope(Scope parent, QuerySession session, Location location) {
        this.parent = parent;
        this.session = session;
        this.location = location;
    }

    static Scope root(QuerySession session, Location location) {
        return new Scope(null, session, location);
    }

    /** A scope for a function body at {@code location}: it does not see the caller's names. */
    Scope function(Location at) {
        return new Scope(null, session, at);
    }

    Scope child() {
        return new Scope(this, session, location);
    }

    QuerySession session() {
        return session;
    }

    Location location() {
        return location;
    }

    void bind(String name, Binding binding) {
        names.put(name, binding);
    }

    Optional<Binding> lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Binding b = s.names.get(name);
            if (b != null) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
