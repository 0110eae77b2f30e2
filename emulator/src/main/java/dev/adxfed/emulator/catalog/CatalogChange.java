package dev.adxfed.emulator.catalog;

import java.util.ArrayList;
import java.util.List;

/** What one update of a cluster's catalog changed: databases created or changed, and databases dropped. */
public record CatalogChange(List<Database> written, List<String> dropped) {

    public CatalogChange {
        written = List.copyOf(written);
        dropped = List.copyOf(dropped);
    }

    static CatalogChange between(CatalogSnapshot before, CatalogSnapshot after) {
        List<Database> written = new ArrayList<>();
        after.databases().forEach((name, db) -> {
            if (before.databases().get(name) != db) {
                written.add(db);
            }
        });
        List<String> dropped = before.databases().keySet().stream()
                .filter(name -> !after.databases().containsKey(name)).toList();
        return new CatalogChange(written, dropped);
    }

    public boolean isEmpty() {
        return written.isEmpty() && dropped.isEmpty();
    }
}
