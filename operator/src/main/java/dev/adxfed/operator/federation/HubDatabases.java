package dev.adxfed.operator.federation;

import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.Stage;

import java.util.Optional;

/**
 * How the hub gets a database that a partition has: a Kusto command where the cluster allows it (the
 * emulator, Kustainer, free clusters), or Azure Resource Manager for a regular ADX cluster, which
 * refuses {@code .create database}.
 */
public interface HubDatabases {

    /** {@code .create database ... ifnotexists} on the hub itself. */
    HubDatabases KUSTO = (hub, database) -> {
        Command create = HubDatabase.createCommand(database);
        hub.mgmt(Stage.DATABASE_CREATE, null, create.text());
        return Optional.of(create);
    };

    /**
     * Makes {@code database} on the hub.
     *
     * @return the Kusto command that made it, counted with the pass's DDL; empty when it was made elsewhere
     * @throws dev.adxfed.operator.kusto.KustoException when the hub refuses the command (the database is reported missing)
     * @throws Refused when it could not be made elsewhere, saying why (reported missing, and as a failure)
     */
    Optional<Command> create(Kusto hub, String database);

    /** The database was not made; the message says why and what to do. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
