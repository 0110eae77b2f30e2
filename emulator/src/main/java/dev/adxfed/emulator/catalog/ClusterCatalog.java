package dev.adxfed.emulator.catalog;

import dev.adxfed.emulator.KustoError;

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
