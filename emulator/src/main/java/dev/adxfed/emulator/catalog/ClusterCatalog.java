package dev.adxfed.emulator.catalog;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.kql.KqlText;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The catalog of one virtual cluster, safe under concurrent requests. Readers take an immutable
 * {@link CatalogSnapshot}; writers pass a function from the current snapshot to the next one, which
 * runs under a lock and is all-or-nothing: if it throws, nothing changed. That is how a failed
 * command changes nothing: it validates and builds the new state before anything is published.
 */
public final class ClusterCatalog {

    private final Object writeLock = new Object();
    private final List<Consumer<CatalogChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile CatalogSnapshot current;

    public ClusterCatalog() {
        this(CatalogSnapshot.EMPTY);
    }

    public ClusterCatalog(CatalogSnapshot initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public CatalogSnapshot snapshot() {
        return current;
    }

    public Optional<Database> database(String name) {
        return current.database(name);
    }

    /**
     * Applies {@code change} atomically and returns the new snapshot. Listeners (persistence) run
     * before the new snapshot is published and under the same lock, so what is acknowledged is
     * on disk and changes reach them in order; if a listener throws, the change is not published.
     */
    public CatalogSnapshot update(UnaryOperator<CatalogSnapshot> change) {
        synchronized (writeLock) {
            CatalogSnapshot before = current;
            CatalogSnapshot after = Objects.requireNonNull(change.apply(before), "the new snapshot");
            CatalogChange diff = CatalogChange.between(before, after);
            if (!diff.isEmpty()) {
                listeners.forEach(l -> l.accept(diff));
            }
            current = after;
            return after;
        }
    }

    /**
     * Creates an empty database: the one way a database comes to be, whether by {@code .create database}, a
     * configuration's seeding or Azure Resource Manager. An existing database of that name is kept as it is
     * when {@code ifNotExists}, an error otherwise.
     *
     * @return the database as it now is
     */
    public Database createDatabase(String name, boolean persistent, boolean ifNotExists) {
        if (!KqlText.isValidEntityName(name)) {
            throw KustoError.badArgument("Database name '" + name + "' is not valid: use 1 to 1024 letters, digits, '_', '-', '.'"
                    + " or spaces, not starting or ending with '__' or a space");
        }
        CatalogSnapshot after = update(snapshot -> {
            if (snapshot.database(name).isPresent()) {
                if (ifNotExists) {
                    return snapshot;
                }
                throw KustoError.alreadyExists("Database", name);
            }
            return snapshot.with(Database.empty(name, persistent));
        });
        return after.database(name).orElseThrow();
    }

    /** Drops a database if there is one of that name. */
    public void dropDatabase(String name) {
        update(snapshot -> snapshot.database(name).isPresent() ? snapshot.without(name) : snapshot);
    }

    /** Runs {@code change} on one database, which must exist. */
    public Database updateDatabase(String databaseName, UnaryOperator<Database> change) {
        CatalogSnapshot after = update(snapshot -> {
            Database db = snapshot.database(databaseName)
                    .orElseThrow(() -> KustoError.notFound("Database", databaseName));
            return snapshot.with(change.apply(db));
        });
        return after.database(databaseName).orElseThrow();
    }

    /** Called with every change before it is published; used to persist the catalog. */
    public void onChange(Consumer<CatalogChange> listener) {
        listeners.add(listener);
    }
}
