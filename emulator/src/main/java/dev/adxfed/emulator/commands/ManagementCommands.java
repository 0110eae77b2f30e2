package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.emulator.catalog.ResultTable;

import java.time.Instant;

/** Executes the management commands of one cluster and records each in its {@link CommandLog}. */
public final class ManagementCommands {

    private final ClusterCatalog catalog;
    private final CommandLog log;

    public ManagementCommands(ClusterCatalog catalog, CommandLog log) {
        this.catalog = catalog;
        this.log = log;
    }

    public ResultTable execute(String database, String text, Caller caller) {
        Instant started = Instant.now();
        try {
            throw KustoError.unsupported("management commands");
        } catch (RuntimeException e) {
            log.record(new CommandLog.Entry(caller.clientRequestId(), "Unknown", text, database, started, Instant.now(),
                    CommandLog.State.Failed, e.getMessage(), caller.activityId(), caller.user(), caller.application(),
                    caller.properties()));
            throw e;
        }
    }

    ClusterCatalog catalog() {
        return catalog;
    }
}
