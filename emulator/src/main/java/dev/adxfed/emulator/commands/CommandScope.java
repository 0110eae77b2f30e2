package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.Database;
import dev.adxfed.emulator.server.QueryContext;
import dev.adxfed.kql.KqlText;
import dev.adxfed.kql.syntax.SourcePosition;


/** What a command runs against: the cluster (catalog, database, request time) and its log. */
record CommandScope(QueryContext context, CommandLog log) {

    ClusterCatalog catalog() {
        return context.catalog();
    }

    String database() {
        return context.database();
    }

    /** The request's database as it is now, or the error Kusto gives when it does not exist. */
    Database currentDatabase() {
        return catalog().database(database()).orElseThrow(() -> KustoError.notFound("Database", database()));
    }

    static void requireValidName(String kind, String name, SourcePosition at) {
        if (!KqlText.isValidEntityName(name)) {
            throw KustoError.badArgument(kind + " name '" + name + "' at " + at.line() + ":" + at.column()
                    + " is not valid: use 1 to 1024 letters, digits, '_', '-', '.' or spaces, not starting or ending with '__' or a space");
        }
    }
}
